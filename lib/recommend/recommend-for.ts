import "server-only";

import { readDb, readRows } from "@/lib/db-read";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/http/app-error";
import { parseArxivId } from "@/lib/papers/arxiv-id";
import { periodWindow, todayUtc, type ListingWindow, type Period } from "@/lib/papers/feed-period";
import { paperCardColumns, type PaperCard } from "@/lib/papers/paper-card";
import { readVectors, type StoredVector } from "@/lib/similarity/load-vectors";
import { sharedTermLabels } from "@/lib/similarity/shared-term-labels";

import { findCandidates } from "./find-candidates";
import { scorePaper, strongestTerms, type ReaderModel } from "./reader-model";
import { createReaderScorer, learnTaste } from "./reader-scorer";
import { sampleBackground } from "./sample-background";

export type RecommendationRequest = { liked: string[]; disliked: string[]; period: Period; limit: number };

export type Recommendation = PaperCard & {
  score: number;
  /** The liked papers (arXiv ids) it is closest to, closest first. */
  because: string[];
  /** The terms that weighed most for it, as they read. */
  terms: string[];
};

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
  const [background, vectors] = await Promise.all([sampleBackground(own), readVectors(own)]);
  const window = periodWindow(request.period, todayUtc());
  const withVectors = (papers: { id: number; arxivId: string }[]) =>
    papers.flatMap((paper) => (vectors.has(paper.id) ? [{ ...paper, vector: vectors.get(paper.id)! }] : []));
  const likedWithVectors = withVectors(liked);
  const papers =
    likedWithVectors.length === 0
      ? []
      : await rankRecommendations({
          model: learnTaste({
            liked: likedWithVectors.map((paper) => paper.vector),
            disliked: withVectors(disliked).map((paper) => paper.vector),
            background: [...background.values()],
          }).model,
          liked: likedWithVectors,
          exclude: own,
          window,
          limit: request.limit,
          indexVersion: null,
        });
  return { liked: liked.map((paper) => paper.arxivId), disliked: disliked.map((paper) => paper.arxivId), unknown, window, papers };
}

/**
 * The best papers of a listing window (null: all time) for a reader's model: candidates come from
 * the index (the model's strongest terms, the liked papers' similar papers, within the window),
 * each is scored by the model plus its closeness to the nearest liked paper, and explained by the
 * liked papers it is closest to and the terms that weighed most. `liked`: the liked papers the
 * model learned from, with their vectors; `exclude`: the reader's own papers; `indexVersion`: the
 * similarity index's version as the caller read it, whose vectors are kept across readers
 * (readVectors), or null to read them afresh.
 */
export async function rankRecommendations(options: {
  model: ReaderModel<number>;
  liked: { id: number; arxivId: string; vector: StoredVector }[];
  exclude: number[];
  window: ListingWindow | null;
  limit: number;
  indexVersion: bigint | null;
}): Promise<Recommendation[]> {
  const { model, liked } = options;
  const scorer = createReaderScorer(
    model,
    liked.map((paper) => paper.vector),
  );
  const candidates = await findCandidates({
    terms: strongestTerms(model, CANDIDATE_TERMS).map(({ term, weight }) => ({ termId: term, weight })),
    liked: liked.map((paper) => paper.id),
    exclude: options.exclude,
    from: options.window?.from ?? null,
  });
  const candidateVectors = [...(await readVectors(candidates, options.indexVersion))];
  const scores = scorer.score(candidateVectors.map(([, vector]) => vector));
  const ranked = candidateVectors
    .map(([id, vector], index) => ({ id, vector, score: scores[index]! }))
    .sort((a, b) => b.score - a.score || b.id - a.id)
    .slice(0, options.limit);

  // Only the papers shown are explained: the terms that weighed most for each.
  const explaining = ranked.map((paper) =>
    scorePaper(model, paper.vector)
      .contributions.filter((entry) => entry.contribution > 0)
      .slice(0, EXPLAINING_TERMS),
  );
  const { termOf, labelOf } = await vocabulary(explaining.flat().map((entry) => entry.term));
  const cards = new Map((await paperCards(ranked.map((paper) => paper.id))).map((card) => [card.id, card]));
  return ranked.map((paper, index) => ({
    ...cards.get(paper.id)!,
    score: paper.score,
    because: scorer
      .nearest(paper.vector)
      .slice(0, BECAUSE_PAPERS)
      .map((match) => liked[match.liked]!.arxivId),
    terms: sharedTermLabels(
      explaining[index]!.flatMap((entry) => (termOf.has(entry.term) ? [{ term: termOf.get(entry.term)! }] : [])),
      (term) => labelOf.get(term),
    ),
  }));
}

async function knownPapers(ids: string[]): Promise<Map<string, { id: number; arxivId: string }>> {
  const arxivIds = ids.map((id) => parseArxivId(id)?.id ?? id);
  const rows = await readDb.paper.findMany({ where: { arxivId: { in: arxivIds } }, select: { id: true, arxivId: true } });
  return new Map(rows.map((row) => [row.arxivId, row]));
}

/** Vocabulary entries: each id's term (which tells words from authors) and how each term reads. */
async function vocabulary(termIds: number[]): Promise<{ termOf: Map<number, string>; labelOf: Map<string, string> }> {
  const rows = await readRows<{ id: number; term: string; label: string }>(
    Prisma.sql`SELECT id, term, label FROM similarity_term WHERE id = ANY(${[...new Set(termIds)]}::int[])`,
  );
  return { termOf: new Map(rows.map((row) => [row.id, row.term])), labelOf: new Map(rows.map((row) => [row.term, row.label])) };
}

async function paperCards(ids: number[]): Promise<PaperCard[]> {
  return readRows<PaperCard>(Prisma.sql`SELECT ${paperCardColumns} FROM paper p WHERE p.id = ANY(${ids}::int[])`);
}
