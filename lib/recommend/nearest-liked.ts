import type { SparseVector } from "./reader-model";

export type LikedMatch = { liked: number; similarity: number };

/**
 * For each candidate, the liked papers it shares terms with (by their index in `liked`) and its
 * cosine with each, closest first. Through an inverted list of the liked papers' terms, so the
 * cost grows with the terms candidates share with them, not with candidates × library size.
 */
export function nearestLiked<Term>(liked: SparseVector<Term>[], candidates: SparseVector<Term>[]): LikedMatch[][] {
  const postings = new Map<Term, { liked: number; weight: number }[]>();
  liked.forEach((vector, index) => {
    for (let position = 0; position < vector.terms.length; position++) {
      const term = vector.terms[position]!;
      let list = postings.get(term);
      if (!list) postings.set(term, (list = []));
      list.push({ liked: index, weight: vector.weights[position]! });
    }
  });
  const similarity = new Float64Array(liked.length);
  return candidates.map((candidate) => {
    const touched: number[] = [];
    for (let position = 0; position < candidate.terms.length; position++) {
      for (const posting of postings.get(candidate.terms[position]!) ?? []) {
        if (similarity[posting.liked] === 0) touched.push(posting.liked);
        similarity[posting.liked]! += posting.weight * candidate.weights[position]!;
      }
    }
    const matches = touched.map((index) => ({ liked: index, similarity: similarity[index]! }));
    for (const index of touched) similarity[index] = 0;
    return matches.filter((match) => match.similarity > 0).sort((a, b) => b.similarity - a.similarity || a.liked - b.liked);
  });
}
