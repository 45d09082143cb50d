import { cosine, isSimilar } from "@/lib/similarity/document-vector";

import type { SparseVector } from "./reader-model";

type Vector = { terms: number[]; weights: number[] };

/** What the papers of a digest run's window are to one liked paper, worked out as readers ask. */
export type LikedPaper = {
  /** Its cosine with each window paper, summed as the window's index sums it (reader-scorer.ts). */
  similarities: Float64Array;
  /** Whether each window paper is similar to it (isSimilar): 0 until asked, then 1 for no, 2 for yes. */
  similar: Uint8Array;
  vector: Vector;
  weights: Map<number, number> | null;
};

/** Bytes a liked paper keeps per window paper. */
export const LIKED_PAPER_BYTES = Float64Array.BYTES_PER_ELEMENT + Uint8Array.BYTES_PER_ELEMENT;
/**
 * Cosines summed in two orders differ by rounding alone: for 64 terms of unit vectors, by under
 * 1e-14. Liked papers whose cosines with a paper are further apart than this rank the same either way.
 */
const ROUNDING = 1e-12;

/**
 * The liked papers of a run's readers over one window, kept for every reader who liked the same
 * paper (readers share the papers they like), the least recently used going first past `maxPapers`.
 * What is kept is what asking afresh gives, so keeping changes costs, never results.
 */
export function createLikedPapers(windowSize: number, similarities: (vector: SparseVector<number>) => Float64Array, maxPapers: number) {
  const kept = new Map<number, LikedPaper>();
  return {
    get(paperId: number, vector: Vector): LikedPaper {
      let liked = kept.get(paperId);
      if (liked) kept.delete(paperId);
      else {
        if (kept.size >= maxPapers) kept.delete(kept.keys().next().value!);
        liked = { similarities: similarities(vector), similar: new Uint8Array(windowSize), vector, weights: null };
      }
      kept.set(paperId, liked);
      return liked;
    },
  };
}

/**
 * Which of a reader's liked papers (by their place in `liked`, at most `count`) the window paper at
 * `at` is similar to, closest first and the earlier liked paper on a tie, as nearest-liked.ts ranks
 * them (by cosine()'s sums, which only near-ties need: see ROUNDING). Weights are positive, so a
 * paper shares a term with a liked paper exactly when their cosine is above 0.
 */
export function similarLiked(
  liked: LikedPaper[],
  at: number,
  paper: Vector,
  isContent: (term: number) => boolean,
  count: number,
): number[] {
  const matches: { index: number; cosine: number }[] = [];
  for (let index = 0; index < liked.length; index++) {
    const similarity = liked[index]!.similarities[at]!;
    if (similarity > 0) matches.push({ index, cosine: similarity });
  }
  const closestFirst = (a: { index: number; cosine: number }, b: { index: number; cosine: number }) =>
    b.cosine - a.cosine || a.index - b.index;
  matches.sort(closestFirst);
  const similar: number[] = [];
  for (let start = 0; start < matches.length && similar.length < count;) {
    let end = start + 1;
    while (end < matches.length && matches[end - 1]!.cosine - matches[end]!.cosine < ROUNDING) end++;
    const tied = matches.slice(start, end);
    if (tied.length > 1) {
      for (const match of tied) match.cosine = cosine(weightsOf(liked[match.index]!), paper).score;
      tied.sort(closestFirst);
    }
    for (const { index } of tied) {
      const entry = liked[index]!;
      if (entry.similar[at] === 0) entry.similar[at] = isSimilar(cosine(weightsOf(entry), paper), isContent) ? 2 : 1;
      if (entry.similar[at] === 2) similar.push(index);
      if (similar.length === count) break;
    }
    start = end;
  }
  return similar;
}

function weightsOf(entry: LikedPaper): Map<number, number> {
  const { terms, weights } = entry.vector;
  return (entry.weights ??= new Map(terms.map((term, position) => [term, weights[position]!])));
}
