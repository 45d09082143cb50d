import Link from "next/link";

import { getCurrentReader } from "@/lib/readers/current-reader";

const linkClass = "hover:text-stone-900 dark:hover:text-white";

/** The header's way into the reader's own pages: "Sign in", or their recommendations, library and account. */
export async function AccountLink() {
  const reader = await getCurrentReader();
  if (!reader) {
    return (
      <Link href="/sign-in" className={linkClass}>
        Sign in
      </Link>
    );
  }
  return (
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
  );
}
