"use client";

import { Link } from "@/components/link";

import { MAIN_NAV_CLASS, mainNavLinks } from "./main-nav-links";
import { useViewerSignedIn } from "./viewer-state";

/**
 * The header's links (main-nav-links.ts). `signedIn` is what the server knew; on a page everyone
 * is served the same copy of, the browser asks.
 */
export function MainNav({ signedIn }: { signedIn: boolean }) {
  const ownSignedIn = useViewerSignedIn(!signedIn);
  return (
    <nav aria-label="Main" className={MAIN_NAV_CLASS}>
      {mainNavLinks(signedIn || ownSignedIn === true).map((link) => (
        <Link key={link.href} href={link.href} className={link.className}>
          {link.label}
        </Link>
      ))}
    </nav>
  );
}
