import type { FieldErrors, PreferenceValues } from "@/lib/subscribers/preferences-form";

export type PreferencesFormState = {
  status: "idle" | "error" | "saved";
  message: string | null;
  fieldErrors: FieldErrors;
  /** What was submitted, so a form with an error comes back exactly as it was typed. */
  values: PreferenceValues;
};
