"use client";

import { useActionState } from "react";

import { PreferenceFields } from "@/components/preference-fields";
import { SubmitButton } from "@/components/submit-button";
import type { PreferenceValues } from "@/lib/subscribers/preferences-form";

import { updatePreferencesAction } from "../actions";
import type { PreferencesFormState } from "./preferences-form-state";

export function PreferencesForm({ token, values, timeZones }: { token: string; values: PreferenceValues; timeZones: string[] }) {
  const [state, formAction] = useActionState<PreferencesFormState, FormData>(updatePreferencesAction, {
    status: "idle",
    message: null,
    fieldErrors: {},
    values,
  });
  return (
    <form action={formAction} noValidate className="space-y-5">
      <input type="hidden" name="token" value={token} />
      {/* React resets an action's form afterwards, and a <select> resets to the option it was first
          rendered with: new fields for new values keep what was just saved on screen. */}
      <PreferenceFields
        key={JSON.stringify(state.values)}
        id="manage"
        values={state.values}
        errors={state.fieldErrors}
        timeZones={timeZones}
      />
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pendingLabel="Saving…">Save preferences</SubmitButton>
        {state.message && (
          <p
            role={state.status === "error" ? "alert" : "status"}
            className={
              state.status === "error" ? "text-sm text-red-700 dark:text-red-400" : "text-sm text-emerald-700 dark:text-emerald-400"
            }
          >
            {state.message}
          </p>
        )}
      </div>
    </form>
  );
}
