import { z } from "zod";

import { parseArxivId } from "@/lib/papers/arxiv-id";

import { tagNameSchema } from "./library-query";

const arxivIdSchema = z
  .string()
  .max(300)
  .transform((value, context) => {
    const parsed = parseArxivId(value);
    if (!parsed) {
      context.addIssue({ code: "custom", message: `${JSON.stringify(value.slice(0, 60))} is not an arXiv id or link` });
      return z.NEVER;
    }
    return parsed.id;
  });

/** `POST /api/library`: papers to save by arXiv id or link, and tags to put on all of them. */
export const saveRequestSchema = z.object({
  arxivIds: z.array(arxivIdSchema).min(1, "arxivIds must name at least one paper").max(1_000, "at most 1,000 papers per request"),
  tags: z.array(tagNameSchema).max(20, "at most 20 tags").default([]),
});

/** `POST /api/library/{arxivId}`: the paper's tags (replacing its current ones). */
export const tagsRequestSchema = z.object({ tags: z.array(tagNameSchema).max(20, "at most 20 tags") });
