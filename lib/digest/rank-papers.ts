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

/** A paper's score from the summed strength of the topics it matched and its heat. */
export function scoreOf(strength: number, heat: number): number {
  return strength + TRENDING_WEIGHT * Math.min(1, Math.max(0, heat) / HEAT_CAP);
}

export function digestScore(candidate: Candidate): number {
  return scoreOf(
    candidate.matches.reduce((sum, match) => sum + match.strength, 0),
    candidate.heat,
  );
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
      merged.set(candidate.paperId, candidate);
      continue;
    }
    const matches = [...seen.matches];
    for (const match of candidate.matches) {
      if (!matches.some((other) => other.kind === match.kind && other.label === match.label)) matches.push(match);
    }
    merged.set(candidate.paperId, { ...seen, matches });
  }
  const scored = [...merged.values()].map((candidate) => ({
    paperId: candidate.paperId,
    heat: candidate.heat,
    score: digestScore(candidate),
    candidate,
  }));
  return topScored(scored, Math.max(0, limit)).map(({ candidate, score }) => ({
    paperId: candidate.paperId,
    score,
    matchedTerms: candidate.matches.toSorted((a, b) => a.position - b.position).map((match) => match.label),
  }));
}

/**
 * Summed topic strengths, as a run keeps them for one subscriber at a time: paper `paperIds[slot]`
 * (of heat `heats[slot]`) has the sum `sums[slot]`, for each of the first `count` entries of `slots`.
 */
export type SlotSums = {
  sums: Float64Array;
  slots: Int32Array;
  count: number;
  paperIds: readonly number[];
  heats: readonly number[];
};

/**
 * The same order as rankPapers from each paper's summed topic strength alone, for a run that
 * ranks thousands of subscribers' matches and names the matched topics of the few it keeps only.
 */
export function rankSums({ sums, slots, count, paperIds, heats }: SlotSums, limit: number): { paperId: number; score: number }[] {
  // A subscriber following a category matches hundreds of papers and keeps a dozen: only those
  // that beat the worst of the best found so far become objects.
  const scored: Scored[] = [];
  const bounded = Number.isFinite(limit) && limit > 0;
  let worstKept: Scored | undefined;
  for (let index = 0; index < count; index++) {
    const slot = slots[index]!;
    const heat = heats[slot]!;
    const score = scoreOf(sums[slot]!, heat);
    const paperId = paperIds[slot]!;
    if (worstKept && !outranks(score, heat, paperId, worstKept)) continue;
    scored.push({ paperId, heat, score });
    if (bounded && scored.length >= 2 * limit) {
      scored.sort(before).length = limit;
      worstKept = scored[limit - 1];
    }
  }
  return topScored(scored, Math.max(0, limit)).map(({ paperId, score }) => ({ paperId, score }));
}

/** Whether a paper of this score, heat and id comes before `other` (the order of `before`). */
function outranks(score: number, heat: number, paperId: number, other: Scored): boolean {
  return score > other.score || (score === other.score && (heat > other.heat || (heat === other.heat && paperId > other.paperId)));
}

type Scored = { paperId: number; heat: number; score: number };

const before = (a: Scored, b: Scored) => b.score - a.score || b.heat - a.heat || b.paperId - a.paperId;

/** The `limit` best, in order; a subscriber's few picks from hundreds of matches need no full sort. */
function topScored<T extends Scored>(scored: T[], limit: number): T[] {
  if (limit === 0) return [];
  if (limit >= scored.length / 4) return scored.sort(before).slice(0, limit);
  const top: T[] = [];
  for (const entry of scored) {
    if (top.length === limit && before(entry, top[limit - 1]!) >= 0) continue;
    let index = top.length;
    while (index > 0 && before(entry, top[index - 1]!) < 0) index--;
    top.splice(index, 0, entry);
    if (top.length > limit) top.pop();
  }
  return top;
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
