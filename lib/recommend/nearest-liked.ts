import { invertedList } from "./inverted-list";
import type { SparseVector } from "./reader-model";

export type LikedMatch = { liked: number; similarity: number };

export type LikedIndex<Term> = {
  /** A paper's cosine with the liked paper closest to it, 0 if it shares no term with any. */
  closest: (paper: SparseVector<Term>) => number;
  /** The liked papers a paper shares terms with (by their index in `liked`) and its cosine with each, closest first. */
  matches: (paper: SparseVector<Term>) => LikedMatch[];
};

/**
 * An inverted list of the liked papers' terms, so that a paper's cosines with them cost the terms
 * it shares with them, not the library's size. Each term's postings are in the order of `liked`, so
 * every sum is taken in the same order whichever question is asked of it.
 */
export function indexLiked<Term>(liked: SparseVector<Term>[]): LikedIndex<Term> {
  const { slotOf, start, vectorOf: likedOf, weightOf } = invertedList(liked);

  const similarity = new Float64Array(liked.length);
  const touched = new Int32Array(liked.length);
  /** Fills `similarity` for the liked papers the paper shares a term with; returns how many `touched` lists. Reset after use. */
  function accumulate(paper: SparseVector<Term>): number {
    let count = 0;
    for (let position = 0; position < paper.terms.length; position++) {
      const slot = slotOf(paper.terms[position]!);
      if (slot < 0) continue;
      const weight = paper.weights[position]!;
      for (let k = start[slot]!; k < start[slot + 1]!; k++) {
        const index = likedOf[k]!;
        if (similarity[index] === 0) touched[count++] = index;
        similarity[index]! += weightOf[k]! * weight;
      }
    }
    return count;
  }

  return {
    closest(paper) {
      const count = accumulate(paper);
      let best = 0;
      for (let k = 0; k < count; k++) {
        best = Math.max(best, similarity[touched[k]!]!);
        similarity[touched[k]!] = 0;
      }
      return best;
    },
    matches(paper) {
      const count = accumulate(paper);
      const found: LikedMatch[] = [];
      for (let k = 0; k < count; k++) {
        const index = touched[k]!;
        if (similarity[index]! > 0) found.push({ liked: index, similarity: similarity[index]! });
        similarity[index] = 0;
      }
      return found.sort((a, b) => b.similarity - a.similarity || a.liked - b.liked);
    },
  };
}
