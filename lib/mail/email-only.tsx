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
