// KaTeX's stylesheet goes through the app's CSS pipeline, which serves its fonts from our own origin.
import "katex/dist/katex.min.css";

import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";

export default function SiteLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-4xl px-4 py-8">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
