"use client";

import Link from "next/link";
import { useActionState, useState, useSyncExternalStore } from "react";

import { FieldError, PreferenceFields, fieldClass } from "@/components/preference-fields";
import { SubmitButton } from "@/components/submit-button";
import { describeArrival } from "@/lib/subscribers/describe-arrival";

import { subscribeAction } from "../actions";
import { HONEYPOT_FIELD, type SubscribeFormState, type SubscribeFormValues } from "./subscribe-form-state";
import { TopicPreview, topicsOfForm, type PreviewTopics } from "./topic-preview";

const noSubscription = () => () => {};
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
const serverTimeZone = () => "UTC";

type Props = {
  initial: SubscribeFormValues;
  outboxEnabled: boolean;
  /** The digest's coming runs and send hour, to say when digests arrive in the reader's zone. */
  schedule: { runs: string[]; sendHour: number };
};

export function SubscribeForm({ initial, outboxEnabled, schedule }: Props) {
  const [state, formAction] = useActionState<SubscribeFormState, FormData>(subscribeAction, {
    status: "idle",
    message: null,
    fieldErrors: {},
    values: initial,
  });
  // Without JavaScript the zone stays UTC; the manage page can change it.
  const timeZone = useSyncExternalStore(noSubscription, browserTimeZone, serverTimeZone);
  const [topics, setTopics] = useState<PreviewTopics>(() => topicsOfForm(initial));
  const [cadence, setCadence] = useState({ frequency: initial.frequency, weekday: initial.weekday });
  const arrival = describeArrival(schedule, { timeZone, ...cadence });
  const errors = state.fieldErrors;

  if (state.status === "sent") {
    return (
      <div role="status" className="rounded-lg border border-emerald-300 bg-emerald-50 p-6 dark:border-emerald-800 dark:bg-emerald-950/40">
        <h2 className="text-lg font-semibold">Check your inbox</h2>
        <p className="mt-2">{state.message}</p>
        <p className="mt-2 text-sm text-stone-600 dark:text-stone-300">
          The link expires in 48 hours. Nothing arrived? Look in your spam folder.
        </p>
        {outboxEnabled && (
          <p className="mt-4 text-sm">
            This server has no SMTP server configured, so mail is kept in the{" "}
            <Link href="/dev/outbox" className="font-medium text-accent-700 underline dark:text-accent-300">
              local outbox
            </Link>
            .
          </p>
        )}
      </div>
    );
  }

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <form
        action={formAction}
        noValidate
        onChange={(event) => {
          const form = new FormData(event.currentTarget);
          setTopics(topicsOfForm(form));
          setCadence({ frequency: String(form.get("frequency") ?? "daily"), weekday: String(form.get("weekday") ?? "1") });
        }}
        className="space-y-5 rounded-lg border border-stone-200 bg-white p-4 sm:p-6 dark:border-stone-800 dark:bg-stone-900"
      >
        {state.status === "error" && state.message && (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950/50 dark:text-red-200">
            {state.message}
          </p>
        )}
        <div>
          <label htmlFor="subscribe-email" className="block text-sm font-medium">
            Email address
          </label>
          <input
            id="subscribe-email"
            name="email"
            type="email"
            required
            maxLength={254}
            autoComplete="email"
            defaultValue={state.values.email}
            aria-invalid={Boolean(errors.email) || undefined}
            aria-describedby={errors.email ? "subscribe-email-error" : undefined}
            className={`${fieldClass} mt-1`}
          />
          <FieldError id="subscribe-email-error" messages={errors.email} />
        </div>

        <PreferenceFields key={JSON.stringify(state.values)} id="subscribe" values={{ ...state.values, timeZone }} errors={errors} />
        {arrival && <p className="text-sm text-stone-600 dark:text-stone-400">{arrival} You can change the zone after confirming.</p>}

        <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
          <label>
            Leave this field empty
            <input type="text" name={HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" defaultValue="" />
          </label>
        </div>

        <div className="flex flex-wrap items-center gap-4">
          <SubmitButton pendingLabel="Subscribing…">Subscribe</SubmitButton>
          <p className="text-sm text-stone-600 dark:text-stone-400">We email you a link to confirm first. Leave any time, in one click.</p>
        </div>
      </form>
      <TopicPreview topics={topics} />
    </div>
  );
}
