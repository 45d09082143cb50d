"use client";

import { useActionState } from "react";

import { fieldClass } from "@/components/preference-fields";
import { SubmitButton } from "@/components/submit-button";

import { createTokenAction } from "../actions";
import type { TokenFormState } from "./token-form-state";

/** Creates a personal API token and shows it once: only its hash is kept. */
export function CreateTokenForm() {
  const [state, formAction] = useActionState<TokenFormState, FormData>(createTokenAction, { token: null, error: null });
  return (
    <div className="space-y-3">
      {state.token && (
        <div
          role="status"
          className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm dark:border-emerald-800 dark:bg-emerald-950/40"
        >
          <p className="font-medium">Your new token. Copy it now: we keep only a hash, so it cannot be shown again.</p>
          <code className="mt-2 block rounded bg-white p-2 font-mono text-xs break-all dark:bg-stone-950">{state.token}</code>
        </div>
      )}
      <form action={formAction} className="flex flex-wrap items-end gap-3">
        <div className="min-w-0 flex-1 basis-48">
          <label htmlFor="token-name" className="block text-sm font-medium">
            Token name
          </label>
          <input
            id="token-name"
            name="name"
            maxLength={60}
            placeholder="e.g. zotero-sync"
            aria-invalid={Boolean(state.error) || undefined}
            aria-describedby={state.error ? "token-name-error" : undefined}
            className={`${fieldClass} mt-1`}
          />
        </div>
        <SubmitButton variant="secondary" pendingLabel="Creating…">
          Create token
        </SubmitButton>
      </form>
      {state.error && (
        <p id="token-name-error" role="alert" className="text-sm text-red-700 dark:text-red-400">
          {state.error}
        </p>
      )}
    </div>
  );
}
