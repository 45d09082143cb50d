import { z } from "zod";

import { limitParam } from "@/lib/http/page-params";
import { PERIODS } from "@/lib/papers/feed-period";
import { RECOMMENDATIONS_MAX } from "@/lib/recommend/recommendation-query";

/**
 * `/for-you` and `GET /api/recommendations/me`: which listing window to rank and how many papers.
 * A week by default: one day's listing is too thin to pick a reader's best from.
 */
export const forYouQuerySchema = z.object({
  period: z.enum(PERIODS, { error: `period must be one of ${PERIODS.join(", ")}` }).default("week"),
  limit: limitParam(20, RECOMMENDATIONS_MAX),
});

export type ForYouQuery = z.infer<typeof forYouQuerySchema>;
