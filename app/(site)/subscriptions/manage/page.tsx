import type { Metadata } from "next";

import { Link } from "@/components/link";
import { LinkFailureNotice } from "@/components/link-failure-notice";
import { Notice } from "@/components/notice";
import { SubmitButton } from "@/components/submit-button";
import { searchParamsToObject } from "@/lib/http/search-params";
import { describeSchedule } from "@/lib/subscribers/describe-schedule";
import { getSubscriptionByToken, type Subscription } from "@/lib/subscribers/get-subscription";
import { preferenceValuesOf } from "@/lib/subscribers/preferences-form";
import { timeZoneNames } from "@/lib/subscribers/time-zones";

import { PreferencesForm } from "./_components/preferences-form";
import { deleteDataAction, resubscribeAction, setPausedAction, unsubscribeAction } from "./actions";

export const metadata: Metadata = { title: "Manage your subscription", robots: { index: false } };

const NOTICES: Record<string, { tone: "success" | "warning"; title: string }> = {
  confirmed: { tone: "success", title: "You're subscribed. Welcome to PaperPulse!" },
  paused: { tone: "success", title: "Digests are paused. Resume whenever you like." },
  resumed: { tone: "success", title: "Digests are back on." },
  unsubscribed: { tone: "success", title: "You're unsubscribed. We won't send you any more digests." },
  resubscribed: { tone: "success", title: "You're subscribed again." },
  "delete-unconfirmed": { tone: "warning", title: "Nothing was deleted: tick the box to confirm first." },
};

const sectionClass = "rounded-lg border border-stone-200 bg-white p-6 dark:border-stone-800 dark:bg-stone-900";

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ManagePage({ searchParams }: PageProps) {
  const params = searchParamsToObject(await searchParams);
  if (params.deleted && !params.token) {
    return (
      <div className="mx-auto max-w-xl">
        <Notice tone="success" role="status" title="All your data is deleted">
          <p>Your address, topics and settings are gone from PaperPulse. We will not email you again.</p>
        </Notice>
      </div>
    );
  }

  const lookup = await getSubscriptionByToken(params.token, ["manage"]);
  if (!lookup.ok) {
    return (
      <LinkFailureNotice reason={lookup.reason}>
        <p>
          <Link href="/subscribe" className="font-medium text-accent-700 underline dark:text-accent-300">
            Go to the subscribe page
          </Link>
        </p>
      </LinkFailureNotice>
    );
  }

  const token = params.token!;
  const { subscription } = lookup;
  const notice = params.notice ? NOTICES[params.notice] : undefined;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Your subscription</h1>
        <p className="mt-1 break-words text-stone-600 dark:text-stone-300">{subscription.email}</p>
      </div>
      {notice && <Notice tone={notice.tone} role="status" title={notice.title} />}
      <StatusPanel token={token} subscription={subscription} />

      <section aria-labelledby="preferences-heading" className={sectionClass}>
        <h2 id="preferences-heading" className="mb-4 text-lg font-semibold">
          What to send and when
        </h2>
        <PreferencesForm token={token} values={preferenceValuesOf(subscription)} timeZones={timeZoneNames()} />
      </section>

      <section aria-labelledby="leave-heading" className={`${sectionClass} space-y-6`}>
        <h2 id="leave-heading" className="text-lg font-semibold">
          Leave
        </h2>
        {subscription.status !== "unsubscribed" && (
          <form action={unsubscribeAction} className="space-y-2">
            <input type="hidden" name="token" value={token} />
            <p className="text-sm text-stone-600 dark:text-stone-400">
              Stop all digests now. Your settings are kept in case you come back.
            </p>
            <SubmitButton variant="secondary" pendingLabel="Unsubscribing…">
              Unsubscribe
            </SubmitButton>
          </form>
        )}
        <form action={deleteDataAction} className="space-y-2">
          <input type="hidden" name="token" value={token} />
          <p className="text-sm text-stone-600 dark:text-stone-400">Remove your address, topics and settings from PaperPulse for good.</p>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="confirm" value="yes" required className="size-4 accent-red-700" />
            Yes, delete everything about me
          </label>
          <SubmitButton variant="danger" pendingLabel="Deleting…">
            Delete all my data
          </SubmitButton>
        </form>
      </section>
    </div>
  );
}

function StatusPanel({ token, subscription }: { token: string; subscription: Subscription }) {
  const schedule = describeSchedule(subscription.frequency, subscription.weekday);
  if (subscription.status === "unsubscribed") {
    return (
      <div className={sectionClass}>
        <p>
          <strong>Unsubscribed.</strong> We send you nothing.
        </p>
        <form action={resubscribeAction} className="mt-3">
          <input type="hidden" name="token" value={token} />
          <SubmitButton pendingLabel="Subscribing…">Subscribe again</SubmitButton>
        </form>
      </div>
    );
  }
  if (subscription.status === "pending") {
    return (
      <div className={sectionClass}>
        <p>
          <strong>Waiting for confirmation.</strong> Follow the link in the email we just sent to start {schedule}.
        </p>
      </div>
    );
  }
  const paused = subscription.paused;
  return (
    <div className={`${sectionClass} flex flex-wrap items-center justify-between gap-4`}>
      <p>
        {paused ? (
          <>
            <strong>Paused.</strong>{" "}
            {paused.reason === "bounced"
              ? "Our emails to this address kept bouncing, so we stopped. Resume when it works again."
              : `You get no digests until you resume ${schedule}.`}
          </>
        ) : (
          <>
            <strong>Active:</strong> you get {schedule}, up to {subscription.maxPapers} papers each
            {subscription.topics.length + subscription.categories.length + subscription.authors.length === 0
              ? ": you follow no topics yet, so each brings the top trending papers."
              : "."}{" "}
            <Link
              href={`/digest/preview?token=${encodeURIComponent(token)}`}
              className="font-medium text-accent-700 underline dark:text-accent-300"
            >
              Preview your next digest
            </Link>
          </>
        )}
      </p>
      <form action={setPausedAction}>
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="paused" value={paused ? "false" : "true"} />
        <SubmitButton variant="secondary" pendingLabel={paused ? "Resuming…" : "Pausing…"}>
          {paused ? "Resume digests" : "Pause digests"}
        </SubmitButton>
      </form>
    </div>
  );
}
