/** A link of the header's navigation. */
export type NavLink = { href: string; label: string; className: string };

export const MAIN_NAV_CLASS = "ml-auto flex items-center gap-4 text-sm text-stone-600 sm:ml-0 dark:text-stone-300";

const linkClass = "hover:text-stone-900 dark:hover:text-white";

/**
 * The header's links: "Sign in", or the reader's recommendations, library and account. Data, not
 * markup, so that the page cache writes the signed-in header into a shared copy exactly as MainNav
 * renders it (lib/page-cache/personal-copy.ts). A reader's own links need room on a phone: there
 * Trending (the name already leads to it) and Submit (the rarest errand) give way so the row fits 320 px.
 */
export function mainNavLinks(reader: boolean): NavLink[] {
  return [
    { href: "/", label: "Trending", className: `hidden ${linkClass} ${reader ? "sm:inline" : "min-[360px]:inline"}` },
    { href: "/submit", label: "Submit", className: reader ? `${linkClass} hidden min-[400px]:inline` : linkClass },
    { href: "/subscribe", label: "Subscribe", className: linkClass },
    ...(reader
      ? [
          { href: "/for-you", label: "For you", className: `whitespace-nowrap ${linkClass}` },
          { href: "/library", label: "Library", className: linkClass },
          { href: "/account", label: "Account", className: linkClass },
        ]
      : [{ href: "/sign-in", label: "Sign in", className: linkClass }]),
  ];
}
