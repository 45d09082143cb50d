"use client";

import Link from "next/link";

import { useViewerSignedIn } from "./viewer-state";

const linkClass = "hover:text-stone-900 dark:hover:text-white";

/**
 * The header's links: "Sign in", or the reader's recommendations, library and account. `signedIn`
 * is what the server knew; on a page everyone is served the same copy of, the browser asks.
 */
export function MainNav({ signedIn }: { signedIn: boolean }) {
  const ownSignedIn = useViewerSignedIn(!signedIn);
  const reader = signedIn || ownSignedIn === true;
  // A reader's own links need room on a phone: there Trending (the name already leads to it) and
  // Submit (the rarest errand) give way so the row fits 320 px.
  return (
    <nav aria-label="Main" className="ml-auto flex items-center gap-4 text-sm text-stone-600 sm:ml-0 dark:text-stone-300">
      <Link href="/" className={`hidden ${linkClass} ${reader ? "sm:inline" : "min-[360px]:inline"}`}>
        Trending
      </Link>
      <Link href="/submit" className={`${linkClass} ${reader ? "hidden min-[400px]:inline" : ""}`}>
        Submit
      </Link>
      <Link href="/subscribe" className={linkClass}>
        Subscribe
      </Link>
      {reader ? (
        <>
          <Link href="/for-you" className={`whitespace-nowrap ${linkClass}`}>
            For you
          </Link>
          <Link href="/library" className={linkClass}>
            Library
          </Link>
          <Link href="/account" className={linkClass}>
            Account
          </Link>
        </>
      ) : (
        <Link href="/sign-in" className={linkClass}>
          Sign in
        </Link>
      )}
    </nav>
  );
}
