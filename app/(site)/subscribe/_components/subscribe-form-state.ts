import type { FieldErrors, PreferenceValues } from "@/lib/subscribers/preferences-form";

export type SubscribeFormValues = PreferenceValues & { email: string };

export type SubscribeFormState = {
  status: "idle" | "error" | "sent";
  message: string | null;
  fieldErrors: FieldErrors;
  /** What was submitted, so a form with an error comes back exactly as it was typed. */
  values: SubscribeFormValues;
};

/** Bots fill every field; people never see this one. */
export const HONEYPOT_FIELD = "website";
