import type { TopicKind } from "@/lib/generated/prisma/enums";
import { RECENCY_DAYS_PER_DOUBLING } from "@/lib/papers/trending-score";

/**
 * How a digest orders the new papers that matched. A paper's score is
 *
 *     Σ strength of each topic it matched + TRENDING_WEIGHT × min(1, max(0, heat) / HEAT_CAP)
 *
 * Strengths: a followed author 1, a keyword query KEYWORD_BASE plus its text rank (the search
 * engine's ts_rank_cd, title matches weighing most, in [0, 1)), a whole category CATEGORY. Matching
 * several topics adds up, so "diffusion" by an author you follow leads. `heat` is the paper's
 * trending score measured from today, log2(1 + votes) − days since its listing / 2: a paper with
 * ~127 votes today gets the whole trending weight, an unvoted one none. Trending orders papers that
 * matched about equally well; it cannot lift a category-only match over a followed author.
 */
export const AUTHOR_STRENGTH = 1;
export const KEYWORD_BASE = 0.6;
export const CATEGORY_STRENGTH = 0.3;
export const TRENDING_WEIGHT = 0.6;
export const HEAT_CAP = 7;

export type TopicMatch = {
  kind: TopicKind;
  /** What the subscriber wrote: "diffusion", "Yann LeCun", "cs.LG". */
  label: string;
  /** The topic's place in the subscriber's list; "why picked" follows their order. */
  position: number;
  strength: number;
};

export type Candidate = { paperId: number; heat: number; matches: TopicMatch[] };
export type RankedPaper = { paperId: number; score: number; matchedTerms: string[] };

export function keywordStrength(textRank: number): number {
  return KEYWORD_BASE + Math.min(Math.max(textRank, 0), 1);
}

/** How much matching one topic counts; `textRank` matters for keyword topics only. */
export function topicStrength(kind: TopicKind, textRank: number): number {
  if (kind === "author") return AUTHOR_STRENGTH;
  if (kind === "category") return CATEGORY_STRENGTH;
  return keywordStrength(textRank);
}

/** The trending score with today's recency taken out: how hot the paper is now. */
export function paperHeat(trendingScore: number, today: string): number {
  const days = Date.parse(`${today}T00:00:00Z`) / 86_400_000;
  return trendingScore - days / RECENCY_DAYS_PER_DOUBLING;
}

export function digestScore(candidate: Candidate): number {
  const strength = candidate.matches.reduce((sum, match) => sum + match.strength, 0);
  return strength + TRENDING_WEIGHT * Math.min(1, Math.max(0, candidate.heat) / HEAT_CAP);
}

/**
 * The digest's papers: candidates merged by paper (a paper found through several topics counts
 * each topic once), without those in `exclude` (already sent to this subscriber), best first —
 * ties to the hotter, then the newer paper — at most `limit`.
 */
export function rankPapers(candidates: Iterable<Candidate>, exclude: ReadonlySet<number>, limit: number): RankedPaper[] {
  const merged = new Map<number, Candidate>();
  for (const candidate of candidates) {
    if (exclude.has(candidate.paperId)) continue;
    const seen = merged.get(candidate.paperId);
    if (!seen) {
      merged.set(candidate.paperId, { ...candidate, matches: [...candidate.matches] });
      continue;
    }
    for (const match of candidate.matches) {
      if (!seen.matches.some((other) => other.kind === match.kind && other.label === match.label)) seen.matches.push(match);
    }
  }
  return [...merged.values()]
    .map((candidate) => ({ candidate, score: digestScore(candidate) }))
    .sort((a, b) => b.score - a.score || b.candidate.heat - a.candidate.heat || b.candidate.paperId - a.candidate.paperId)
    .slice(0, Math.max(0, limit))
    .map(({ candidate, score }) => ({
      paperId: candidate.paperId,
      score,
      matchedTerms: candidate.matches.toSorted((a, b) => a.position - b.position).map((match) => match.label),
    }));
}

/** The hottest papers not already in the digest or sent before, for "also trending" and quiet digests. */
export function pickTrending(
  trending: readonly { paperId: number; heat: number }[],
  exclude: ReadonlySet<number>,
  limit: number,
): number[] {
  return trending
    .filter((paper) => !exclude.has(paper.paperId))
    .toSorted((a, b) => b.heat - a.heat || b.paperId - a.paperId)
    .slice(0, Math.max(0, limit))
    .map((paper) => paper.paperId);
}
