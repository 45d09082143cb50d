import { z } from "zod";

import { normalizeCategory } from "@/lib/search/arxiv-category";
import { isKnownCategory } from "@/lib/search/known-categories";

import { canonicalTimeZone } from "./time-zones";
import { topicProblem } from "./topic-problem";

export const MAX_KEYWORDS = 10;
export const MAX_CATEGORIES = 20;
export const MAX_AUTHORS = 20;
export const MAX_AUTHOR_LENGTH = 100;
export const MAX_PAPERS_LIMIT = 50;

// Control characters (NUL above all, which PostgreSQL cannot store in text) are dropped.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const collapse = (text: string) => text.normalize("NFC").replace(CONTROL_CHARACTERS, "").replace(/\s+/g, " ").trim();

/** Drops repeats that differ only in case, keeping the first spelling. */
function unique(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = value.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export const emailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "An email address has at most 254 characters.")
  .toLowerCase()
  .pipe(z.email({ error: "Enter a valid email address, like name@example.com." }))
  .refine((email) => email.indexOf("@") <= 64, "The part before @ can have at most 64 characters.");

/** A topic is a query in the search syntax (words, "phrases", -exclusions, author:, category:). */
const keyword = z
  .string()
  .transform(collapse)
  .pipe(z.string().min(1, "A topic cannot be empty.").max(200, "A topic can have at most 200 characters."))
  .superRefine((topic, context) => {
    const problem = topicProblem(topic);
    if (problem) context.addIssue({ code: "custom", message: `“${topic.slice(0, 40)}”: ${problem}.` });
  });

const category = z.string().transform((value, context) => {
  const normalized = normalizeCategory(value);
  if (!normalized || !isKnownCategory(normalized)) {
    context.addIssue({ code: "custom", message: `“${value.trim().slice(0, 40)}” is not an arXiv category like cs.LG.` });
    return z.NEVER;
  }
  return normalized;
});

const author = z
  .string()
  .transform(collapse)
  .pipe(
    z
      .string()
      .min(1, "An author name cannot be empty.")
      .max(MAX_AUTHOR_LENGTH, `An author name can have at most ${MAX_AUTHOR_LENGTH} characters.`),
  );

/** Everything a subscriber chooses, shared by the subscribe form, the API and the manage page. */
export const preferencesSchema = z.object({
  frequency: z.enum(["daily", "weekly"], { error: "Choose daily or weekly." }).default("daily"),
  weekday: z.coerce
    .number({ error: "Choose a day of the week." })
    .int()
    .min(1, "Choose a day of the week.")
    .max(7, "Choose a day of the week.")
    .default(1),
  timeZone: z
    .string()
    .default("UTC")
    .transform((value, context) => {
      const zone = canonicalTimeZone(value.trim() || "UTC");
      if (!zone) context.addIssue({ code: "custom", message: "Choose a time zone from the list, like Europe/Berlin." });
      return zone ?? z.NEVER;
    }),
  maxPapers: z.coerce
    .number({ error: "Enter a number of papers." })
    .int("Enter a whole number of papers.")
    .min(1, "Send at least 1 paper.")
    .max(MAX_PAPERS_LIMIT, `At most ${MAX_PAPERS_LIMIT} papers per email.`)
    .default(10),
  sendWhenQuiet: z.boolean().default(false),
  topics: z.array(keyword).max(MAX_KEYWORDS, `At most ${MAX_KEYWORDS} topics.`).default([]).transform(unique),
  categories: z.array(category).max(MAX_CATEGORIES, `At most ${MAX_CATEGORIES} categories.`).default([]).transform(unique),
  authors: z.array(author).max(MAX_AUTHORS, `At most ${MAX_AUTHORS} authors.`).default([]).transform(unique),
});

export const subscriptionSchema = preferencesSchema.extend({ email: emailSchema });

export type Preferences = z.infer<typeof preferencesSchema>;
export type SubscriptionInput = z.infer<typeof subscriptionSchema>;
export type TopicLists = Pick<Preferences, "topics" | "categories" | "authors">;

/** `GET /api/subscriptions/preview`: the topic lists, repeated parameters, and how many papers to show. */
export const previewQuerySchema = preferencesSchema.pick({ topics: true, categories: true, authors: true }).extend({
  limit: z.coerce.number({ error: "limit must be a number" }).int().min(1).max(MAX_PAPERS_LIMIT).default(10),
});
