import type { CSSProperties } from "react";

/**
 * Inline styles for light mode (what every client renders) plus class names that the <style>
 * in the layout recolours under prefers-color-scheme: dark (Apple Mail, iOS, some webmail).
 * Clients that invert colours on their own get dark text on light cards flipped, which these
 * solid, high-contrast colours survive.
 */
export const colors = {
  page: "#f5f5f4",
  card: "#ffffff",
  border: "#e7e5e4",
  text: "#1c1917",
  muted: "#57534e",
  accent: "#b93f0d",
} as const;

export const fontStack = '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

export const styles = {
  heading: { margin: "0 0 16px", fontSize: 22, lineHeight: 1.3, fontWeight: 700, color: colors.text },
  paragraph: { margin: "0 0 16px", fontSize: 16, lineHeight: 1.55, color: colors.text },
  muted: { margin: "0 0 12px", fontSize: 14, lineHeight: 1.5, color: colors.muted },
  link: { color: colors.accent, textDecoration: "underline" },
} satisfies Record<string, CSSProperties>;

export const darkModeCss = `
:root { color-scheme: light dark; supported-color-schemes: light dark; }
@media (prefers-color-scheme: dark) {
  .pp-page { background-color: #0c0a09 !important; }
  .pp-card { background-color: #1c1917 !important; border-color: #44403c !important; }
  .pp-text { color: #f5f5f4 !important; }
  .pp-muted { color: #a8a29e !important; }
  .pp-link { color: #fdba74 !important; }
}
`;
