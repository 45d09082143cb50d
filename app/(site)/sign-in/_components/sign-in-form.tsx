"use client";

import { useActionState } from "react";

import { CheckYourInbox, EmailAddressField } from "@/components/email-forms";
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
      <CheckYourInbox
        message={state.message}
        hint="Nothing arrived? Look in your spam folder, or ask again in a minute."
        outboxEnabled={outboxEnabled}
      />
    );
  }

  return (
    <form
      action={formAction}
      noValidate
      className="space-y-4 rounded-lg border border-stone-200 bg-white p-6 dark:border-stone-800 dark:bg-stone-900"
    >
      {next && <input type="hidden" name="next" value={next} />}
      <EmailAddressField
        id="sign-in-email"
        defaultValue={state.email}
        errors={state.status === "error" && state.message ? [state.message] : undefined}
        alert
      />
      <SubmitButton pendingLabel="Sending…">Email me a sign-in link</SubmitButton>
    </form>
  );
}
