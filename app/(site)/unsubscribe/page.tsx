import type { Metadata } from "next";

import { Link } from "@/components/link";
import { LinkFailureNotice } from "@/components/link-failure-notice";
import { Notice } from "@/components/notice";
import { SubmitButton } from "@/components/submit-button";
import { searchParamsToObject } from "@/lib/http/search-params";
import { getSubscriptionByToken } from "@/lib/subscribers/get-subscription";

import { unsubscribeAction } from "./actions";

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false } };

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** One button, no questions. A GET changes nothing, so a link scanner cannot unsubscribe anyone. */
export default async function UnsubscribePage({ searchParams }: PageProps) {
  const { token } = searchParamsToObject(await searchParams);
  const lookup = await getSubscriptionByToken(token, ["unsubscribe", "manage"]);

  if (!lookup.ok) {
    return <LinkFailureNotice reason={lookup.reason} />;
  }

  const { email, status } = lookup.subscription;
  if (status === "unsubscribed") {
    return (
      <div className="mx-auto max-w-xl">
        <Notice tone="success" role="status" title="You're unsubscribed">
          <p>
            We won&apos;t send any more digests to <strong className="break-words">{email}</strong>.
          </p>
          <p>
            Changed your mind?{" "}
            <Link href="/subscribe" className="font-medium text-accent-700 underline dark:text-accent-300">
              Subscribe again
            </Link>
            .
          </p>
        </Notice>
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Unsubscribe</h1>
      <p>
        Stop all PaperPulse digests to <strong className="break-words">{email}</strong>?
      </p>
      <form action={unsubscribeAction}>
        <input type="hidden" name="token" value={token} />
        <SubmitButton pendingLabel="Unsubscribing…">Unsubscribe</SubmitButton>
      </form>
    </div>
  );
}
