import "server-only";

import { readDb, readRows } from "@/lib/db-read";
import { AppError } from "@/lib/http/app-error";
import { parseArxivId } from "@/lib/papers/arxiv-id";
import { periodWindow, todayUtc, type ListingWindow, type Period } from "@/lib/papers/feed-period";
import { paperCardsQuery, type PaperCard } from "@/lib/papers/paper-card";
import { readIndexVersion, readVectors, type StoredVector } from "@/lib/similarity/load-vectors";
import { readTerms } from "@/lib/similarity/read-terms";
import { sharedTermLabels } from "@/lib/similarity/shared-term-labels";

import { bestFirst } from "./best-first";
import { findCandidates } from "./find-candidates";
import { explainingTerms } from "./explaining-terms";
import { packModel, strongestTerms, unpackModel, type PackedModel } from "./reader-model";
import { createReaderScorer, learnTaste } from "./reader-scorer";
import { sampleBackground } from "./sample-background";
import { readWindowPapers, type WindowPapers } from "./window-papers";

export type RecommendationRequest = { liked: string[]; disliked: string[]; period: Period; limit: number };

/** A paper as it was ranked for a reader, without its card (which is read afresh, as votes change). */
export type RankedPaper = {
  id: number;
  score: number;
  /** The liked papers (arXiv ids) it is closest to, closest first. */
  because: string[];
  /** The terms that weighed most for it, as they read. */
  terms: string[];
};

export type Recommendation = PaperCard & RankedPaper;

/** `window`: the listing days the papers were ranked from (null: all time). */
export type Recommendations = {
  liked: string[];
  disliked: string[];
  unknown: string[];
  window: ListingWindow | null;
  papers: Recommendation[];
};

/** Model terms candidates are looked up by. */
const CANDIDATE_TERMS = 24;
const BECAUSE_PAPERS = 2;
/** Terms looked up for each paper's explanation, of which sharedTermLabels shows the first few. */
const EXPLAINING_TERMS = 8;

/**
 * Papers ranked for a set of liked and disliked papers: a reader model is learned from their stored
 * vectors against background papers (learnTaste) and ranks as rankRecommendations says. Unknown
 * ids are reported and ignored.
 */
export async function recommendFor(request: RecommendationRequest): Promise<Recommendations> {
  const known = await knownPapers([...request.liked, ...request.disliked]);
  const resolve = (ids: string[]) => ids.map((id) => known.get(parseArxivId(id)?.id ?? id)).filter((paper) => paper !== undefined);
  const liked = resolve(request.liked);
  const disliked = resolve(request.disliked).filter((paper) => !liked.some((other) => other.id === paper.id));
  const unknown = [...request.liked, ...request.disliked].filter((id) => !known.has(parseArxivId(id)?.id ?? id));
  if (liked.length === 0)
    throw new AppError("bad_request", "None of the liked papers is in PaperPulse: like at least one paper it knows.", {
      fields: { liked: ["no known paper"] },
    });

  const own = [...liked, ...disliked].map((paper) => paper.id);
  const [background, indexVersion] = await Promise.all([sampleBackground(own), readIndexVersion()]);
  const vectors = await readVectors(own, indexVersion);
  const window = periodWindow(request.period, todayUtc());
  const withVectors = (papers: { id: number; arxivId: string }[]) =>
    papers.flatMap((paper) => (vectors.has(paper.id) ? [{ ...paper, vector: vectors.get(paper.id)! }] : []));
  const likedWithVectors = withVectors(liked);
  const ranked =
    likedWithVectors.length === 0
      ? []
      : await rankRecommendations({
          model: packModel(
            learnTaste({
              liked: likedWithVectors.map((paper) => paper.vector),
              disliked: withVectors(disliked).map((paper) => paper.vector),
              background: [...background.values()],
            }).model,
          ),
          liked: likedWithVectors,
          exclude: own,
          window,
          limit: request.limit,
          indexVersion,
        });
  const papers = withCards(ranked, await readRows<PaperCard>(paperCardsQuery(ranked.map((paper) => paper.id))));
  return { liked: liked.map((paper) => paper.arxivId), disliked: disliked.map((paper) => paper.arxivId), unknown, window, papers };
}

/**
 * The best papers of a listing window (null: all time) for a reader's model, each scored by the
 * model plus its closeness to the nearest liked paper, and explained by the liked papers it is
 * closest to and the terms that weighed most (only the papers shown are explained). A window's
 * papers are all scored, from an index every reader shares (window-papers.ts); all time's, and a
 * window's too big to keep, are candidates from the similarity index (find-candidates.ts).
 * `model`: the reader's, packed as it is stored; `liked`: the liked papers it learned from, with
 * their vectors; `exclude`: the reader's own papers; `indexVersion`: the similarity index's
 * version as the caller read it, for which windows, vectors and terms are kept across readers.
 */
export async function rankRecommendations(options: {
  model: PackedModel;
  liked: { id: number; arxivId: string; vector: StoredVector }[];
  exclude: number[];
  window: ListingWindow | null;
  limit: number;
  indexVersion: bigint;
}): Promise<RankedPaper[]> {
  const { liked } = options;
  const windowPapers = options.window && (await readWindowPapers(options.window, options.indexVersion));
  const ranked = windowPapers ? bestOfWindow(windowPapers, options) : await bestOfCandidates(options);
  const vocabulary = await readTerms(
    ranked.flatMap((paper) => paper.explaining),
    options.indexVersion,
  );
  return ranked.map((paper) => ({
    id: paper.id,
    score: paper.score,
    because: paper.because.map((place) => liked[place]!.arxivId),
    terms: sharedTermLabels(
      paper.explaining.flatMap((term) => vocabulary.get(term) ?? []),
      (entry) => entry.label,
    ),
  }));
}

/** Ranked papers with their cards, in rank order; a paper without one (deleted meanwhile) is left out. */
export function withCards(ranked: RankedPaper[], cards: PaperCard[]): Recommendation[] {
  const cardOf = new Map(cards.map((card) => [card.id, card]));
  return ranked.flatMap((paper) => (cardOf.has(paper.id) ? [{ ...cardOf.get(paper.id)!, ...paper }] : []));
}

/** A paper ranked for a reader, with the liked papers it is closest to (places in `liked`) and its explainingTerms. */
type Scored = { id: number; score: number; because: number[]; explaining: number[] };

/** Best score first, the higher id on a tie. */
const rankOrder = (a: { id: number; score: number }, b: { id: number; score: number }) => b.score - a.score || b.id - a.id;

/**
 * All time's best papers for the reader, or a window's too big to keep: the candidates of
 * findCandidates (the model's strongest terms and the liked papers' similar papers), each scored
 * one at a time by the model looked up by term.
 */
async function bestOfCandidates(options: {
  model: PackedModel;
  liked: { id: number; vector: StoredVector }[];
  exclude: number[];
  window: ListingWindow | null;
  limit: number;
  indexVersion: bigint;
}): Promise<Scored[]> {
  const model = unpackModel(options.model);
  const scorer = createReaderScorer(
    model,
    options.liked.map((paper) => paper.vector),
  );
  const ids = await findCandidates({
    terms: strongestTerms(model, CANDIDATE_TERMS).map(({ term, weight }) => ({ termId: term, weight })),
    liked: options.liked.map((paper) => paper.id),
    exclude: options.exclude,
    from: options.window?.from ?? null,
  });
  const vectors = [...(await readVectors(ids, options.indexVersion))];
  const scores = scorer.score(vectors.map(([, vector]) => vector));
  const best = vectors
    .map(([id, vector], index) => ({ id, vector, score: scores[index]! }))
    .sort(rankOrder)
    .slice(0, options.limit);
  const explaining = explainingTerms(
    best.map((paper) => paper.vector),
    (term) => model.weights.get(term) ?? 0,
    EXPLAINING_TERMS,
  );
  return best.map(({ id, vector, score }, index) => ({
    id,
    score,
    because: scorer
      .nearest(vector)
      .slice(0, BECAUSE_PAPERS)
      .map((match) => match.liked),
    explaining: explaining[index]!,
  }));
}

/** The window's best papers for the reader, every paper scored over the window's index, the reader's own left out. */
function bestOfWindow(
  { ids, index }: WindowPapers,
  options: { model: PackedModel; liked: { vector: StoredVector }[]; exclude: number[]; limit: number },
): Scored[] {
  // The two closest liked papers to each, of which a paper shown names BECAUSE_PAPERS.
  const nearest = index.nearest(options.liked.map((paper) => paper.vector));
  const scores = index.score(options.model, [nearest.closest]);
  const own = new Set(options.exclude);
  const candidates: number[] = [];
  for (let at = 0; at < ids.length; at++) if (!own.has(ids[at]!)) candidates.push(at);
  // As rankOrder, by place in the window.
  const before = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && ids[a]! > ids[b]!);
  const shown: number[] = [];
  for (const at of bestFirst(candidates, before)) {
    if (shown.length === options.limit) break;
    shown.push(at);
  }
  const explaining = index.explain(options.model, shown, EXPLAINING_TERMS);
  return shown.map((at, place) => ({
    id: ids[at]!,
    score: scores[at]!,
    because: [nearest.first[at]!, nearest.second[at]!].filter((liked) => liked >= 0).slice(0, BECAUSE_PAPERS),
    explaining: explaining[place]!,
  }));
}

async function knownPapers(ids: string[]): Promise<Map<string, { id: number; arxivId: string }>> {
  const arxivIds = ids.map((id) => parseArxivId(id)?.id ?? id);
  const rows = await readDb.paper.findMany({ where: { arxivId: { in: arxivIds } }, select: { id: true, arxivId: true } });
  return new Map(rows.map((row) => [row.arxivId, row]));
}
