import type { Metadata } from "next";

import { Link } from "@/components/link";
import { LinkFailureNotice } from "@/components/link-failure-notice";
import { Notice } from "@/components/notice";
import { SubmitButton } from "@/components/submit-button";
import { searchParamsToObject } from "@/lib/http/search-params";
import { describeSchedule } from "@/lib/subscribers/describe-schedule";
import { getSubscriptionByToken } from "@/lib/subscribers/get-subscription";

import { confirmAction } from "./actions";

export const metadata: Metadata = { title: "Confirm your subscription", robots: { index: false } };

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * Opening the link only shows a button: mail scanners that prefetch links must not confirm an
 * address (nor use up its single-use link) on the owner's behalf.
 */
export default async function ConfirmPage({ searchParams }: PageProps) {
  const { token } = searchParamsToObject(await searchParams);
  const lookup = await getSubscriptionByToken(token, ["confirm"]);

  if (!lookup.ok && lookup.reason !== "used") {
    return (
      <LinkFailureNotice reason={lookup.reason}>
        <p>
          <Link href="/subscribe" className="font-medium text-accent-700 underline dark:text-accent-300">
            Subscribe again
          </Link>
        </p>
      </LinkFailureNotice>
    );
  }
  if (!lookup.ok) {
    return (
      <div className="mx-auto max-w-xl">
        <Notice title="This link has already been used">
          <p>If you clicked it a moment ago, your subscription is confirmed and your first digest is on its way on schedule.</p>
          <p>Every digest has a link to manage your subscription.</p>
        </Notice>
      </div>
    );
  }

  const { subscription } = lookup;
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Confirm your subscription</h1>
      <p>
        Send {describeSchedule(subscription.frequency, subscription.weekday)} of up to {subscription.maxPapers} new papers to{" "}
        <strong className="break-words">{subscription.email}</strong>?
      </p>
      {/* What the confirmation turns on, so no one confirms choices someone else made for the address. */}
      <dl className="space-y-2 rounded-lg border border-stone-200 p-4 text-sm dark:border-stone-800">
        {(
          [
            ["Topics", subscription.topics],
            ["Categories", subscription.categories],
            ["Authors", subscription.authors],
          ] as const
        ).map(([label, values]) => (
          <div key={label} className="flex flex-wrap gap-x-2">
            <dt className="font-medium">{label}:</dt>
            <dd className="break-words text-stone-700 dark:text-stone-300">{values.length ? values.join(", ") : "none"}</dd>
          </div>
        ))}
      </dl>
      <p className="text-sm text-stone-600 dark:text-stone-400">You can change all of this from every digest once you have confirmed.</p>
      <form action={confirmAction}>
        <input type="hidden" name="token" value={token} />
        <SubmitButton pendingLabel="Confirming…">Confirm subscription</SubmitButton>
      </form>
      <p className="text-sm text-stone-600 dark:text-stone-400">Didn&apos;t ask for this? Close this page and nothing will be sent.</p>
    </div>
  );
}
