import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { Notice } from "@/components/notice";
import { searchParamsToObject } from "@/lib/http/search-params";
import { isOutboxEnabled } from "@/lib/mail/outbox-enabled";
import { getCurrentReader } from "@/lib/readers/current-reader";
import { safeReturnPath } from "@/lib/readers/return-path";

import { SignInForm } from "./_components/sign-in-form";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: PageProps) {
  const params = searchParamsToObject(await searchParams);
  const next = params.next ? safeReturnPath(params.next) : undefined;
  if (await getCurrentReader()) redirect(next ?? "/library");
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Sign in</h1>
        <p className="mt-1 text-stone-600 dark:text-stone-300">
          Keep a library of papers, tag them, and tell PaperPulse what you want more of. No password: we email you a link that signs you in.
          New here? The same link creates your account.
        </p>
      </div>
      {params["signed-out"] && <Notice tone="success" role="status" title="You're signed out." />}
      {params.deleted && (
        <Notice tone="success" role="status" title="Your account is deleted">
          <p>Your library, tags, ratings, upvotes and any digest to your address are gone from PaperPulse.</p>
        </Notice>
      )}
      <SignInForm next={next} outboxEnabled={isOutboxEnabled()} />
      <p className="text-sm text-stone-600 dark:text-stone-400">
        Already get our digest? Sign in with the same address: your digest settings are on your account page.
      </p>
    </div>
  );
}
