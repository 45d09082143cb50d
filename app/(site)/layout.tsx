// KaTeX's stylesheet goes through the app's CSS pipeline, which serves its fonts from our own origin.
import "katex/dist/katex.min.css";

import { SiteFrame } from "@/components/site-frame";

export default function SiteLayout({ children }: { children: React.ReactNode }) {
  return <SiteFrame>{children}</SiteFrame>;
}
