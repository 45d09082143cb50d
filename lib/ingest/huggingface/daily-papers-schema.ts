import { z } from "zod";

/**
 * One item of `GET /api/daily_papers?date=YYYY-MM-DD`: the listing's own fields around `paper`,
 * which holds the arXiv id, metadata and community signals. Fields we do not use may come and go;
 * the ones we read are checked.
 */
export const dailyPaperSchema = z.object({
  paper: z.object({
    id: z.string(),
    title: z.string(),
    summary: z.string().default(""),
    authors: z.array(z.object({ name: z.string() })).default([]),
    publishedAt: z.iso.datetime({ offset: true }).optional(),
    submittedOnDailyAt: z.iso.datetime({ offset: true }).optional(),
    upvotes: z.number().int().min(0).default(0),
    githubRepo: z.string().nullish(),
    githubStars: z.number().int().min(0).nullish(),
    ai_keywords: z.array(z.string()).nullish(),
  }),
  title: z.string().optional(),
  summary: z.string().optional(),
  publishedAt: z.iso.datetime({ offset: true }).optional(),
  numComments: z.number().int().min(0).optional(),
});

export type DailyPaper = z.infer<typeof dailyPaperSchema>;
