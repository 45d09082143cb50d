import type { Metadata } from "next";

import { Link } from "@/components/link";
import { SubmitButton } from "@/components/submit-button";
import { searchParamsToObject } from "@/lib/http/search-params";
import { checkSignInToken } from "@/lib/readers/complete-sign-in";
import { safeReturnPath } from "@/lib/readers/return-path";
import type { TokenFailure } from "@/lib/subscribers/token-failure";

import { PendingSavesInput } from "../_components/pending-saves-input";

// The link's token is in this page's URL: other sites never see it as a referrer. ("no-referrer"
// would also make the browser send `Origin: null` with the button's POST, which we refuse.)
export const metadata: Metadata = { title: "Sign in", robots: { index: false }, referrer: "same-origin" };

const FAILURES: Record<TokenFailure, string> = {
  invalid: "This sign-in link is not valid",
  expired: "This sign-in link has expired",
  used: "This sign-in link has already been used",
};

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * Opening the link only shows a button: mail scanners that prefetch links must not sign anyone in
 * (nor spend the single-use link). The button posts to /api/auth/sign-in.
 */
export default async function SignInConfirmPage({ searchParams }: PageProps) {
  const { token, next } = searchParamsToObject(await searchParams);
  const check = await checkSignInToken(token);
  if (!check.ok) {
    return (
      <div className="mx-auto max-w-xl space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-6 dark:border-amber-800 dark:bg-amber-950/40">
        <h1 className="text-xl font-semibold">{FAILURES[check.reason]}</h1>
        <p>Sign-in links work once, for 15 minutes. If you just signed in with it, you are signed in.</p>
        <p>
          <Link href="/sign-in" className="font-medium text-accent-700 underline dark:text-accent-300">
            Ask for a new sign-in link
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Finish signing in</h1>
      <p>
        Sign in as <strong className="break-words">{check.email}</strong>?
      </p>
      <form method="post" action="/api/auth/sign-in">
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="next" value={safeReturnPath(next)} />
        <PendingSavesInput />
        <SubmitButton pendingLabel="Signing in…">Sign in</SubmitButton>
      </form>
      <p className="text-sm text-stone-600 dark:text-stone-400">Didn&apos;t ask for this? Close this page and nothing happens.</p>
    </div>
  );
}
