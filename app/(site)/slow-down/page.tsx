import type { Metadata } from "next";
import Link from "next/link";

import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Too many searches", robots: { index: false } };

/** What proxy.ts shows, with status 429 and Retry-After, to a client over its search budget. */
export default function SlowDownPage() {
  const { limit, windowSeconds } = env.SEARCH_RATE_LIMIT;
  return (
    <div role="alert" className="rounded-lg border border-amber-200 bg-amber-50 p-6 dark:border-amber-900 dark:bg-amber-950/40">
      <h1 className="text-lg font-semibold">That was a lot of searches in a short time.</h1>
      <p className="mt-2 text-sm text-stone-700 dark:text-stone-300">
        Each address may run {limit} searches at once, then one more every {Math.round(windowSeconds / limit)} seconds. Please wait a
        moment and search again.
      </p>
      <Link href="/" className="mt-4 inline-block text-sm font-medium text-accent-700 underline dark:text-accent-300">
        Back to trending papers
      </Link>
    </div>
  );
}
