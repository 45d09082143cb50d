"use server";

import { headers } from "next/headers";

import { attempt } from "@/lib/http/expected-failure";
import { clientIp } from "@/lib/http/client-ip";
import { fieldErrors, preferenceValuesFromForm, preferencesInput } from "@/lib/subscribers/preferences-form";
import { SUBSCRIBE_ACCEPTED, subscribe } from "@/lib/subscribers/subscribe";
import { subscriptionSchema } from "@/lib/subscribers/subscription-input";

import { HONEYPOT_FIELD, type SubscribeFormState } from "./_components/subscribe-form-state";

export async function subscribeAction(_previous: SubscribeFormState, form: FormData): Promise<SubscribeFormState> {
  const email = typeof form.get("email") === "string" ? (form.get("email") as string) : "";
  const values = { ...preferenceValuesFromForm(form), email };
  // A filled honeypot gets the very same answer, so a bot learns nothing to adapt to.
  if (form.get(HONEYPOT_FIELD)) return { status: "sent", message: SUBSCRIBE_ACCEPTED, fieldErrors: {}, values };

  const input = subscriptionSchema.safeParse({ ...preferencesInput(values), email });
  if (!input.success) {
    return { status: "error", message: "Please correct the marked fields.", fieldErrors: fieldErrors(input.error), values };
  }
  const ip = clientIp(await headers());
  const outcome = await attempt(() => subscribe(input.data, { ip }));
  if (!outcome.ok) {
    const wait = outcome.error.details?.retryAfterSeconds;
    const message = wait ? `${outcome.error.message} You can try again in ${Math.ceil(wait / 60)} min.` : outcome.error.message;
    return { status: "error", message, fieldErrors: {}, values };
  }
  return { status: "sent", message: SUBSCRIBE_ACCEPTED, fieldErrors: {}, values };
}
