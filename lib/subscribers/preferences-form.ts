import type { z } from "zod";

import type { Preferences } from "./subscription-input";

/** A preferences form's fields as typed, to refill the form after an error without losing anything. */
export type PreferenceValues = {
  frequency: string;
  weekday: string;
  timeZone: string;
  maxPapers: string;
  sendWhenQuiet: boolean;
  /** One per line. */
  topics: string;
  /** Separated by spaces or commas. */
  categories: string;
  /** One per line. */
  authors: string;
};

export type FieldErrors = Record<string, string[]>;

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

export function preferenceValuesFromForm(form: FormData): PreferenceValues {
  return {
    frequency: text(form, "frequency"),
    weekday: text(form, "weekday"),
    timeZone: text(form, "timeZone"),
    maxPapers: text(form, "maxPapers"),
    sendWhenQuiet: form.get("sendWhenQuiet") === "on",
    topics: text(form, "topics"),
    categories: text(form, "categories"),
    authors: text(form, "authors"),
  };
}

export function preferenceValuesOf(preferences: Preferences): PreferenceValues {
  return {
    frequency: preferences.frequency,
    weekday: String(preferences.weekday),
    timeZone: preferences.timeZone,
    maxPapers: String(preferences.maxPapers),
    sendWhenQuiet: preferences.sendWhenQuiet,
    topics: preferences.topics.join("\n"),
    categories: preferences.categories.join(" "),
    authors: preferences.authors.join("\n"),
  };
}

/**
 * The fields in the schema's shape: one topic or author per line, categories separated by spaces
 * or commas. Blank lines are not topics; empty settings fall back to the defaults.
 */
export function preferencesInput(values: PreferenceValues): Record<string, unknown> {
  const lines = (value: string) => value.split(/\r?\n/).filter((line) => line.trim() !== "");
  const orDefault = (value: string) => (value.trim() === "" ? undefined : value);
  return {
    frequency: orDefault(values.frequency),
    weekday: orDefault(values.weekday),
    timeZone: orDefault(values.timeZone),
    maxPapers: orDefault(values.maxPapers),
    sendWhenQuiet: values.sendWhenQuiet,
    topics: lines(values.topics),
    categories: values.categories.split(/[\s,]+/).filter(Boolean),
    authors: lines(values.authors),
  };
}

/** Field messages keyed by the form field they belong to ("topics.3" → "topics"). */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    const messages = (fields[key] ??= []);
    if (!messages.includes(issue.message)) messages.push(issue.message);
  }
  return fields;
}
