import "server-only";

import { recommendFor, type Recommendations } from "@/lib/recommend/recommend-for";

import type { ForYouQuery } from "./for-you-query";
import { loadTastePapers, type TastePapers } from "./taste-papers";

export const COLD_START_MESSAGE =
  "Nothing to learn from yet: save a few papers you like (or mark them “More like this”), or import a BibTeX file into your library, and recommendations follow at once.";

export type ReaderRecommendations = Recommendations & {
  /** `cold_start`: the reader has liked nothing yet, so there is no model and `papers` is empty. */
  status: "ready" | "cold_start";
  message: string | null;
  taste: TastePapers;
};

/**
 * The best papers of the period for a signed-in reader, from a model trained on their library and
 * ratings as they are now (so a rating shows in the next view): one recommendFor call, which
 * scores candidates from the index rather than the corpus.
 */
export async function recommendForReader(readerId: number, query: ForYouQuery): Promise<ReaderRecommendations> {
  const taste = await loadTastePapers(readerId);
  const disliked = taste.disliked.map((paper) => paper.arxivId);
  if (taste.liked.length === 0)
    return { status: "cold_start", message: COLD_START_MESSAGE, taste, liked: [], disliked, unknown: [], papers: [] };
  const result = await recommendFor({ liked: taste.liked.map((paper) => paper.arxivId), disliked, ...query });
  return { status: "ready", message: null, taste, ...result };
}
