import { z } from "zod";

import { PERIODS } from "@/lib/papers/feed-period";

export const RECOMMENDATIONS_MAX = 50;
const MAX_IDS = 500;
const ID_PATTERN = /^[A-Za-z0-9./-]{1,40}$/;

/** A comma-separated list of arXiv ids (or anything id-shaped: unknown ones are reported, not refused). */
const idList = (name: string) =>
  z
    .string({ error: `${name} must be a comma-separated list of arXiv ids` })
    .max(MAX_IDS * 41, `${name} is too long`)
    .transform((value, context) => {
      const ids = [
        ...new Set(
          value
            .split(",")
            .map((id) => id.trim())
            .filter(Boolean),
        ),
      ];
      if (ids.length > MAX_IDS) context.addIssue({ code: "custom", message: `${name} may list at most ${MAX_IDS} papers` });
      const bad = ids.find((id) => !ID_PATTERN.test(id));
      if (bad !== undefined)
        context.addIssue({ code: "custom", message: `${name}: ${JSON.stringify(bad.slice(0, 40))} is not an arXiv id` });
      return ids;
    });

/** `GET /api/recommendations?liked=ID,ID&disliked=ID&limit=N&period=day|week|month|all`. */
export const recommendationQuerySchema = z.object({
  liked: idList("liked").refine((ids) => ids.length > 0, "liked must name at least one paper, e.g. liked=2405.14333"),
  disliked: idList("disliked").default([]),
  period: z.enum(PERIODS, { error: `period must be one of ${PERIODS.join(", ")}` }).default("all"),
  limit: z.coerce
    .number({ error: "limit must be a number" })
    .int("limit must be a whole number")
    .min(1, "limit must be at least 1")
    .max(RECOMMENDATIONS_MAX, `limit must be at most ${RECOMMENDATIONS_MAX}`)
    .default(20),
});
