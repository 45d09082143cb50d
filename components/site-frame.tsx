import { SiteFooter } from "./site-footer";
import { ScriptsCookie } from "./scripts-cookie";
import { SiteHeader } from "./site-header";

/** The header, main column and footer around every public page (and the root 404). */
export function SiteFrame({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-4xl px-4 py-8">
        {children}
      </main>
      <SiteFooter />
      <ScriptsCookie />
    </>
  );
}
