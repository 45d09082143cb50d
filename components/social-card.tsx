// Drawn by next/og (Satori), which takes inline styles only, a subset of CSS, and flex layout for
// every element with more than one child. The colours are the site's light theme.

const INK = "#1c1917";
const MUTED = "#57534e";
const ACCENT = "#b4461b";

/** The PaperPulse mark of app/icon.svg, at `size` pixels. */
function Mark({ size }: { size: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64">
      <rect width="64" height="64" rx="14" fill={ACCENT} />
      <path d="M8 36h11l5-14 8 26 7-20 4 8h13" fill="none" stroke="#fff" strokeWidth="5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

type SocialCardProps = { title: string; byline?: string; footer: string };

/** A 1200×630 card: the mark and name, a title, an optional byline and a footer line. */
export function SocialCard({ title, byline, footer }: SocialCardProps) {
  return (
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        padding: "64px 72px",
        background: "#fafaf9",
        borderTop: `16px solid ${ACCENT}`,
        color: INK,
        fontFamily: "Geist",
      }}
    >
      <div style={{ display: "flex", alignItems: "center", gap: 20, fontSize: 36, color: INK }}>
        <Mark size={56} />
        PaperPulse
      </div>
      <div style={{ display: "flex", flexDirection: "column", gap: 28 }}>
        <div style={{ fontSize: title.length > 90 ? 52 : 64, lineHeight: 1.15, letterSpacing: -1 }}>{title}</div>
        {byline && <div style={{ fontSize: 32, color: MUTED }}>{byline}</div>}
      </div>
      <div style={{ display: "flex", fontSize: 28, color: MUTED }}>{footer}</div>
    </div>
  );
}
