import { Link } from "@/components/link";
import { getCurrentReader } from "@/lib/readers/current-reader";
import { isPersonalShellRender } from "@/lib/readers/shell-render";

import { HeaderSearch } from "./header-search";
import { MainNav } from "./main-nav";

export async function SiteHeader() {
  // A personal page's shell is served to signed-in readers only (lib/readers/personal-shells.ts).
  const signedIn = (await getCurrentReader()) !== null || (await isPersonalShellRender());
  return (
    <header className="border-b border-stone-200 bg-white/80 backdrop-blur dark:border-stone-800 dark:bg-stone-900/80">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-stone-900"
      >
        Skip to content
      </a>
      {/* On a phone the search box takes a row of its own below the name and links, always one tap away. */}
      <div className="mx-auto flex max-w-4xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 sm:gap-x-6">
        <Link href="/" className="flex items-center gap-2 text-lg font-semibold tracking-tight">
          <span aria-hidden="true" className="text-accent-600 dark:text-accent-400">
            ◆
          </span>
          PaperPulse
        </Link>
        <MainNav signedIn={signedIn} />
        <HeaderSearch />
      </div>
    </header>
  );
}
