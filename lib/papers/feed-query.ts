import { z } from "zod";

import { cursorParam, limitParam } from "@/lib/http/page-params";

import { FIRST_LISTING_DAY, PERIODS, addDays, parsePeriodDate, todayUtc } from "./feed-period";

export const FEED_PAGE_SIZE = 20;
export const FEED_MAX_PAGE_SIZE = 100;

/**
 * The feed's query string, shared by the page and `GET /api/papers`. `date` becomes the first day of
 * the day, month or week it names; the period then covers the calendar unit holding that day.
 */
export const feedQuerySchema = z.object({
  period: z.enum(PERIODS, { error: `period must be one of ${PERIODS.join(", ")}` }).default("day"),
  date: z
    .string()
    .transform((value, context) => {
      const day = parsePeriodDate(value);
      if (!day) {
        context.addIssue({ code: "custom", message: "date must be a day (YYYY-MM-DD), a month (YYYY-MM) or an ISO week (YYYY-Www)" });
        return z.NEVER;
      }
      if (day < `${FIRST_LISTING_DAY.slice(0, 7)}-01` || day > addDays(todayUtc(), 1)) {
        context.addIssue({ code: "custom", message: `date must be between ${FIRST_LISTING_DAY} and today` });
        return z.NEVER;
      }
      return day;
    })
    .optional(),
  cursor: cursorParam,
  limit: limitParam(FEED_PAGE_SIZE, FEED_MAX_PAGE_SIZE),
});

export type FeedQuery = z.infer<typeof feedQuerySchema>;
