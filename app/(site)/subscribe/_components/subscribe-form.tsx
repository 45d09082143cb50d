"use client";

import { useActionState, useState, useSyncExternalStore } from "react";

import { CheckYourInbox, EmailAddressField } from "@/components/email-forms";
import { PreferenceFields } from "@/components/preference-fields";
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
      <CheckYourInbox
        message={state.message}
        hint="The link expires in 48 hours. Nothing arrived? Look in your spam folder."
        outboxEnabled={outboxEnabled}
      />
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
        <EmailAddressField id="subscribe-email" defaultValue={state.values.email} errors={errors.email} />

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
