"use server";

import { headers } from "next/headers";

import { AppError } from "@/lib/http/app-error";
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
  try {
    await subscribe(input.data, { ip: clientIp(await headers()) });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const wait = error.details?.retryAfterSeconds;
    const message = wait ? `${error.message} You can try again in ${Math.ceil(wait / 60)} min.` : error.message;
    return { status: "error", message, fieldErrors: {}, values };
  }
  return { status: "sent", message: SUBSCRIBE_ACCEPTED, fieldErrors: {}, values };
}
