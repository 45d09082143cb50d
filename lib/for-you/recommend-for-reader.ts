import "server-only";

import { periodWindow, todayUtc, type ListingWindow } from "@/lib/papers/feed-period";
import { shownPeriod } from "@/lib/papers/shown-period";
import { rankRecommendations, type Recommendations } from "@/lib/recommend/recommend-for";
import { loadReaderModels } from "@/lib/recommend/stored-reader-model";
import { readVectors } from "@/lib/similarity/load-vectors";

import type { ForYouQuery } from "./for-you-query";
import { rankAndStore, readStoredRecommendations } from "./stored-recommendations";
import { loadTastePapers, type TastePapers } from "./taste-papers";

export const COLD_START_MESSAGE =
  "Nothing to learn from yet: save a few papers you like (or mark them “More like this”), or import a BibTeX file into your library, and recommendations follow at once.";

export type ReaderRecommendations = Recommendations & {
  /** `cold_start`: the reader has liked nothing yet, so there is no model and `papers` is empty. */
  status: "ready" | "cold_start";
  /** `window` is the period's latest with papers, not the current one, which has none yet (shownPeriod, as the feed). */
  latestInstead: boolean;
  message: string | null;
  taste: TastePapers;
};

/**
 * The best papers of the period (its latest with papers while it has none yet) for a signed-in
 * reader, ranked by their stored model (retrained whenever their library or ratings change, so a
 * rating shows in the next view; trained now if it is missing or stale) as recommendFor ranks:
 * candidates from the index, not the corpus. The ranked list is kept until their taste, the index
 * (a new listing) or the day changes (stored-recommendations.ts).
 */
export async function recommendForReader(readerId: number, query: ForYouQuery): Promise<ReaderRecommendations> {
  const today = todayUtc();
  const [{ version, ...taste }, shown] = await Promise.all([loadTastePapers(readerId), shownPeriod(query.period, today)]);
  const window = periodWindow(query.period, shown.date);
  const answer = {
    window,
    latestInstead: shown.latestInstead,
    taste,
    liked: taste.liked.map((paper) => paper.arxivId),
    disliked: taste.disliked.map((paper) => paper.arxivId),
    unknown: [],
  };
  if (taste.liked.length === 0) return { status: "cold_start", message: COLD_START_MESSAGE, ...answer, papers: [] };
  const key = { readerId, ...query, tasteVersion: version, day: today };
  const stored = await readStoredRecommendations(key);
  const ranking = { window, limit: query.limit, indexVersion: stored.indexVersion };
  const papers = stored.papers ?? (await rankAndStore(key, stored.indexVersion, () => rankForReader(readerId, taste, ranking)));
  return { status: "ready", message: null, ...answer, papers };
}

async function rankForReader(
  readerId: number,
  taste: TastePapers,
  ranking: { window: ListingWindow | null; limit: number; indexVersion: bigint },
) {
  const own = [...taste.liked, ...taste.disliked].map((paper) => paper.id);
  const vectors = await readVectors(own, ranking.indexVersion);
  const stored = (await loadReaderModels([{ readerId, papers: vectors.size }])).get(readerId);
  const liked = taste.liked.flatMap((paper) => (vectors.has(paper.id) ? [{ ...paper, vector: vectors.get(paper.id)! }] : []));
  return stored ? await rankRecommendations({ model: stored.model, liked, exclude: own, ...ranking }) : [];
}
