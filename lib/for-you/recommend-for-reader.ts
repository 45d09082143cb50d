import "server-only";

import { periodWindow, todayUtc, type ListingWindow } from "@/lib/papers/feed-period";
import { shownPeriodOf } from "@/lib/papers/shown-period";
import { rankRecommendations, type Recommendations } from "@/lib/recommend/recommend-for";
import { currentModel, type StoredReaderModel } from "@/lib/recommend/stored-reader-model";
import { readVectors } from "@/lib/similarity/load-vectors";

import type { ForYouQuery } from "./for-you-query";
import { rankAndStore, readForYouState } from "./stored-recommendations";
import type { TastePapers } from "./taste-papers";

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

const NO_TASTE: TastePapers = { liked: [], disliked: [] };

/**
 * The best papers of the period (its latest with papers while it has none yet) for a signed-in
 * reader, ranked by their stored model (retrained whenever their library or ratings change, so a
 * rating shows in the next view; trained now if it is missing or stale) as recommendFor ranks.
 * The ranked list is kept until their taste, the index (a new listing) or the day changes
 * (stored-recommendations.ts); what the view starts from is one statement (readForYouState).
 */
export async function recommendForReader(readerId: number, query: ForYouQuery): Promise<ReaderRecommendations> {
  const today = todayUtc();
  const state = await readForYouState(readerId, { ...query, day: today });
  const taste = state?.taste ?? NO_TASTE;
  const shown = shownPeriodOf(query.period, today, state?.latestListing ?? null);
  const window = periodWindow(query.period, shown.date);
  const answer = {
    window,
    latestInstead: shown.latestInstead,
    taste,
    liked: taste.liked.map((paper) => paper.arxivId),
    disliked: taste.disliked.map((paper) => paper.arxivId),
    unknown: [],
  };
  if (!state || taste.liked.length === 0) return { status: "cold_start", message: COLD_START_MESSAGE, ...answer, papers: [] };
  const key = { readerId, ...query, tasteVersion: state.tasteVersion, day: today };
  const ranking = { window, limit: query.limit, indexVersion: state.indexVersion };
  const papers = state.stored ?? (await rankAndStore(key, state.indexVersion, () => rankForReader(readerId, taste, state.model, ranking)));
  return { status: "ready", message: null, ...answer, papers };
}

async function rankForReader(
  readerId: number,
  taste: TastePapers,
  stored: StoredReaderModel | null,
  ranking: { window: ListingWindow | null; limit: number; indexVersion: bigint },
) {
  const own = [...taste.liked, ...taste.disliked].map((paper) => paper.id);
  const vectors = await readVectors(own, ranking.indexVersion);
  const model = await currentModel(readerId, stored, vectors.size);
  const liked = taste.liked.flatMap((paper) => (vectors.has(paper.id) ? [{ ...paper, vector: vectors.get(paper.id)! }] : []));
  return model ? await rankRecommendations({ model: model.model, liked, exclude: own, ...ranking }) : [];
}
