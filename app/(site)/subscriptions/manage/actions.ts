"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { attempt } from "@/lib/http/expected-failure";
import { deleteSubscriber } from "@/lib/subscribers/delete-subscriber";
import { fieldErrors, preferenceValuesFromForm, preferencesInput } from "@/lib/subscribers/preferences-form";
import { resubscribe } from "@/lib/subscribers/resubscribe";
import { setPaused } from "@/lib/subscribers/set-paused";
import { preferencesSchema } from "@/lib/subscribers/subscription-input";
import { unsubscribe } from "@/lib/subscribers/unsubscribe";
import { updatePreferences } from "@/lib/subscribers/update-preferences";

import type { PreferencesFormState } from "./_components/preferences-form-state";

const tokenOf = (form: FormData) => String(form.get("token") ?? "");
const managePath = (token: string, notice?: string) =>
  `/subscriptions/manage?token=${encodeURIComponent(token)}${notice ? `&notice=${notice}` : ""}`;

export async function updatePreferencesAction(_previous: PreferencesFormState, form: FormData): Promise<PreferencesFormState> {
  const values = preferenceValuesFromForm(form);
  const input = preferencesSchema.safeParse(preferencesInput(values));
  if (!input.success) {
    return {
      status: "error",
      message: "Nothing was saved: please correct the marked fields.",
      fieldErrors: fieldErrors(input.error),
      values,
    };
  }
  const saved = await attempt(() => updatePreferences(tokenOf(form), input.data));
  if (!saved.ok) return { status: "error", message: saved.error.message, fieldErrors: {}, values };
  // The status line above the form repeats the schedule: render the page again.
  revalidatePath("/subscriptions/manage");
  return { status: "saved", message: "Your preferences are saved.", fieldErrors: {}, values };
}

/**
 * The buttons below post here and come back to the page with a notice. A token that stopped
 * working comes back without one, and the page explains why.
 */
async function run(form: FormData, change: (token: string) => Promise<void>, notice: string): Promise<never> {
  const token = tokenOf(form);
  const changed = await attempt(() => change(token));
  redirect(managePath(token, changed.ok ? notice : undefined));
}

export async function setPausedAction(form: FormData): Promise<void> {
  const paused = form.get("paused") === "true";
  await run(form, (token) => setPaused(token, paused), paused ? "paused" : "resumed");
}

export async function unsubscribeAction(form: FormData): Promise<void> {
  await run(form, unsubscribe, "unsubscribed");
}

export async function resubscribeAction(form: FormData): Promise<void> {
  await run(form, resubscribe, "resubscribed");
}

export async function deleteDataAction(form: FormData): Promise<void> {
  const token = tokenOf(form);
  if (form.get("confirm") !== "yes") redirect(managePath(token, "delete-unconfirmed"));
  const deleted = await attempt(() => deleteSubscriber(token));
  redirect(deleted.ok ? "/subscriptions/manage?deleted=1" : managePath(token));
}
