import { z } from "zod";

import { isValidArxivId } from "@/lib/papers/arxiv-id";

const isoDate = z.iso.date();

/** A paper as every source hands it to the store, already normalised. */
export const paperInputSchema = z.object({
  arxivId: z.string().refine(isValidArxivId, "is not an arXiv id"),
  version: z.number().int().positive().nullable().default(null),
  title: z.string().trim().min(1).max(1_000),
  abstract: z.string().trim().max(20_000),
  authors: z.array(z.string().trim().min(1).max(300)).max(5_000),
  publishedOn: isoDate.nullable(),
  revisedOn: isoDate.nullable().default(null),
  primaryCategory: z.string().max(40).nullable(),
  categories: z.array(z.string().max(40)).max(50),
  doi: z.string().max(300).nullable().default(null),
  comment: z.string().max(2_000).nullable().default(null),
  journalRef: z.string().max(1_000).nullable().default(null),
  githubRepo: z.url().max(300).nullable().default(null),
  githubStars: z.number().int().min(0).nullable().default(null),
  /** Votes from an outside listing; null keeps what we have. */
  externalUpvotes: z.number().int().min(0).nullable().default(null),
  source: z.enum(["seed", "arxiv", "huggingface", "submitted"]),
});

export type PaperInput = z.infer<typeof paperInputSchema>;
