import { z } from "zod";

import { cursorParam, limitParam } from "@/lib/http/page-params";

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
  cursor: cursorParam,
  limit: limitParam(FEED_PAGE_SIZE, FEED_MAX_PAGE_SIZE),
});

export type FeedQuery = z.infer<typeof feedQuerySchema>;
