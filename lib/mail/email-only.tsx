import type { ReactNode } from "react";

/** Content only the HTML part shows, such as a hidden preheader or decoration. */
export function HtmlOnly({ children }: { children: ReactNode }) {
  return <>{children}</>;
}

/** Content only the plain-text part shows. */
export function TextOnly({ children }: { children: ReactNode }): ReactNode {
  void children;
  return null;
}

/**
 * A piece rendered once, as HTML and as text, and reused as is: a block that recurs across many
 * emails (a paper in thousands of digests) is then rendered once per run instead of once per email.
 */
export function Prerendered(props: { html: string; text: string }): ReactNode {
  void props;
  return null;
}
