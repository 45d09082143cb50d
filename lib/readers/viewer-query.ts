import { z } from "zod";

import { isValidArxivId } from "@/lib/papers/arxiv-id";

import { MAX_VIEWER_PAPERS } from "./max-viewer-papers";

export const viewerQuerySchema = z.object({
  papers: z
    .string()
    .optional()
    .transform((value) => [...new Set(value ? value.split(",") : [])])
    .refine((ids) => ids.length <= MAX_VIEWER_PAPERS, `At most ${MAX_VIEWER_PAPERS} papers at a time.`)
    .refine((ids) => ids.every(isValidArxivId), "Every paper must be an arXiv id, e.g. 2502.03387 or hep-th/9901001.")
    .describe("The arXiv ids of the papers a page shows, comma-separated (at most 100)."),
});
