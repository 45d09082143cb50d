import "server-only";

import { readDb } from "@/lib/db-read";
import { AppError } from "@/lib/http/app-error";
import { parseArxivId } from "@/lib/papers/arxiv-id";
import { periodWindow, todayUtc, type Period } from "@/lib/papers/feed-period";
import { paperCardColumns, type PaperCard } from "@/lib/papers/paper-card";
import { cosine, vectorMap } from "@/lib/similarity/document-vector";
import { loadVectors } from "@/lib/similarity/load-vectors";
import { sharedTermLabels } from "@/lib/similarity/shared-term-labels";

import { findCandidates } from "./find-candidates";
import { scorePaper, strongestTerms, trainReaderModel } from "./reader-model";
import { sampleBackground } from "./sample-background";

export type RecommendationRequest = { liked: string[]; disliked: string[]; period: Period; limit: number };

export type Recommendation = PaperCard & {
  score: number;
  /** The liked papers (arXiv ids) it is closest to, closest first. */
  because: string[];
  /** The terms that weighed most for it, as they read. */
  terms: string[];
};

export type Recommendations = { liked: string[]; disliked: string[]; unknown: string[]; papers: Recommendation[] };

/** Model terms candidates are looked up by. */
const CANDIDATE_TERMS = 24;
const BECAUSE_PAPERS = 2;
/** Terms looked up for each paper's explanation, of which sharedTermLabels shows the first few. */
const EXPLAINING_TERMS = 8;

/**
 * Papers ranked for a set of liked and disliked papers: a reader model is trained on their stored
 * vectors against background papers, candidates come from the index (the model's strongest terms,
 * the liked papers' similar papers, within the period), and each is explained by the liked papers
 * it is closest to and the terms that weighed most. Unknown ids are reported and ignored.
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
  const background = await sampleBackground(own);
  const vectors = await loadVectors(readDb, [...own, ...background]);
  const vectorsOf = (ids: number[]) => ids.flatMap((id) => (vectors.has(id) ? [vectors.get(id)!] : []));
  const likedWithVectors = liked.filter((paper) => vectors.has(paper.id));
  if (likedWithVectors.length === 0)
    return { liked: liked.map((paper) => paper.arxivId), disliked: disliked.map((paper) => paper.arxivId), unknown, papers: [] };
  const model = trainReaderModel({
    liked: vectorsOf(liked.map((paper) => paper.id)),
    disliked: vectorsOf(disliked.map((paper) => paper.id)),
    background: vectorsOf(background),
  });

  const window = periodWindow(request.period, todayUtc());
  const candidates = await findCandidates({
    terms: strongestTerms(model, CANDIDATE_TERMS),
    liked: liked.map((paper) => paper.id),
    exclude: own,
    from: window?.from ?? null,
  });
  const candidateVectors = await loadVectors(readDb, candidates);
  const likedMaps = likedWithVectors.map((paper) => ({ arxivId: paper.arxivId, vector: vectorMap(vectors.get(paper.id)!) }));
  const ranked = [...candidateVectors]
    .map(([id, vector]) => ({ id, vector, ...scorePaper(model, vector) }))
    .sort((a, b) => b.score - a.score || b.id - a.id)
    .slice(0, request.limit);

  const labels = await termLabels(ranked.flatMap((paper) => paper.contributions.slice(0, EXPLAINING_TERMS).map((entry) => entry.term)));
  const cards = new Map((await paperCards(ranked.map((paper) => paper.id))).map((card) => [card.id, card]));
  const papers = ranked.map((paper) => ({
    ...cards.get(paper.id)!,
    score: paper.score,
    because: likedMaps
      .map((liked) => ({ arxivId: liked.arxivId, similarity: cosine(liked.vector, paper.vector).score }))
      .filter((liked) => liked.similarity > 0)
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, BECAUSE_PAPERS)
      .map((liked) => liked.arxivId),
    terms: sharedTermLabels(
      paper.contributions.filter((entry) => entry.contribution > 0),
      (term) => labels.get(term),
    ),
  }));
  return { liked: liked.map((paper) => paper.arxivId), disliked: disliked.map((paper) => paper.arxivId), unknown, papers };
}

async function knownPapers(ids: string[]): Promise<Map<string, { id: number; arxivId: string }>> {
  const arxivIds = ids.map((id) => parseArxivId(id)?.id ?? id);
  const rows = await readDb.paper.findMany({ where: { arxivId: { in: arxivIds } }, select: { id: true, arxivId: true } });
  return new Map(rows.map((row) => [row.arxivId, row]));
}

async function termLabels(terms: string[]): Promise<Map<string, string>> {
  const rows = await readDb.$queryRaw<
    { term: string; label: string }[]
  >`SELECT term, label FROM similarity_term WHERE term = ANY(${[...new Set(terms)]}::text[])`;
  return new Map(rows.map((row) => [row.term, row.label]));
}

async function paperCards(ids: number[]): Promise<PaperCard[]> {
  return readDb.$queryRaw<PaperCard[]>`SELECT ${paperCardColumns} FROM paper p WHERE p.id = ANY(${ids}::int[])`;
}
