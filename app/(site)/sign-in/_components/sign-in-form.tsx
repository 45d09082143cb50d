"use client";

import Link from "next/link";
import { useActionState } from "react";

import { fieldClass } from "@/components/preference-fields";
import { SubmitButton } from "@/components/submit-button";

import { requestSignInLinkAction } from "../actions";
import type { SignInFormState } from "./sign-in-form-state";

export function SignInForm({ next, outboxEnabled }: { next?: string; outboxEnabled: boolean }) {
  const [state, formAction] = useActionState<SignInFormState, FormData>(requestSignInLinkAction, {
    status: "idle",
    message: null,
    email: "",
  });

  if (state.status === "sent") {
    return (
      <div role="status" className="rounded-lg border border-emerald-300 bg-emerald-50 p-6 dark:border-emerald-800 dark:bg-emerald-950/40">
        <h2 className="text-lg font-semibold">Check your inbox</h2>
        <p className="mt-2">{state.message}</p>
        <p className="mt-2 text-sm text-stone-600 dark:text-stone-300">
          Nothing arrived? Look in your spam folder, or ask again in a minute.
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
    <form
      action={formAction}
      noValidate
      className="space-y-4 rounded-lg border border-stone-200 bg-white p-6 dark:border-stone-800 dark:bg-stone-900"
    >
      {next && <input type="hidden" name="next" value={next} />}
      <div>
        <label htmlFor="sign-in-email" className="block text-sm font-medium">
          Email address
        </label>
        <input
          id="sign-in-email"
          name="email"
          type="email"
          required
          maxLength={254}
          autoComplete="email"
          defaultValue={state.email}
          aria-invalid={state.status === "error" || undefined}
          aria-describedby={state.status === "error" ? "sign-in-error" : undefined}
          className={`${fieldClass} mt-1`}
        />
        {state.status === "error" && (
          <p id="sign-in-error" role="alert" className="mt-1 text-sm text-red-700 dark:text-red-400">
            {state.message}
          </p>
        )}
      </div>
      <SubmitButton pendingLabel="Sending…">Email me a sign-in link</SubmitButton>
    </form>
  );
}
