import { z } from "zod";

import { decodeCursor } from "./feed-cursor";
import { FIRST_LISTING_DAY, PERIODS, addDays, todayUtc } from "./feed-period";

export const FEED_PAGE_SIZE = 20;
export const FEED_MAX_PAGE_SIZE = 100;

/** The feed's query string, shared by the page and `GET /api/papers`. */
export const feedQuerySchema = z.object({
  period: z.enum(PERIODS, { error: `period must be one of ${PERIODS.join(", ")}` }).default("day"),
  date: z.iso
    .date({ error: "date must be a day as YYYY-MM-DD" })
    .refine((date) => date >= FIRST_LISTING_DAY && date <= addDays(todayUtc(), 1), {
      error: `date must be between ${FIRST_LISTING_DAY} and today`,
    })
    .optional(),
  cursor: z
    .string()
    .transform((value, context) => {
      const cursor = decodeCursor(value);
      if (!cursor) context.addIssue({ code: "custom", message: "cursor is not one this API returned" });
      return cursor ?? z.NEVER;
    })
    .optional(),
  limit: z.coerce
    .number({ error: "limit must be a number" })
    .int("limit must be a whole number")
    .min(1, "limit must be at least 1")
    .max(FEED_MAX_PAGE_SIZE, `limit must be at most ${FEED_MAX_PAGE_SIZE}`)
    .default(FEED_PAGE_SIZE),
});

export type FeedQuery = z.infer<typeof feedQuerySchema>;
