"use client";

import { useActionState } from "react";

import { PreferenceFields } from "@/components/preference-fields";
import type { PreferenceValues } from "@/lib/subscribers/preferences-form";

import { updatePreferencesAction } from "../actions";
import type { PreferencesFormState } from "./preferences-form-state";

export function PreferencesForm({ token, values, timeZones }: { token: string; values: PreferenceValues; timeZones: string[] }) {
  const [state, formAction, pending] = useActionState<PreferencesFormState, FormData>(updatePreferencesAction, {
    status: "idle",
    message: null,
    fieldErrors: {},
    values,
  });
  return (
    <form action={formAction} noValidate className="space-y-5">
      <input type="hidden" name="token" value={token} />
      <PreferenceFields id="manage" values={state.values} errors={state.fieldErrors} timeZones={timeZones} />
      <div className="flex flex-wrap items-center gap-4">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-accent-600 px-5 py-2.5 font-medium text-white hover:bg-accent-700 disabled:opacity-70"
        >
          {pending ? "Saving…" : "Save preferences"}
        </button>
        {state.message && (
          <p
            role={state.status === "error" ? "alert" : "status"}
            className={state.status === "error" ? "text-sm text-red-700 dark:text-red-400" : "text-sm text-emerald-700 dark:text-emerald-400"}
          >
            {state.message}
          </p>
        )}
      </div>
    </form>
  );
}
