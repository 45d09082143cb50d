import type { SparseVector } from "./reader-model";

/**
 * Why each paper would be picked: the `count` terms whose model weight (`weightOf`, 0 for a term
 * the model lacks) times the paper's weight added most to its score, of those that added anything,
 * largest first (the earlier in the paper on a tie). The strongest so far are kept in two small
 * arrays reused from paper to paper: a view explains hundreds of matching terms.
 */
export function explainingTerms<Term>(papers: SparseVector<Term>[], weightOf: (term: Term) => number, count: number): Term[][] {
  const terms = new Array<Term>(count);
  const contributions = new Float64Array(count);
  return papers.map((paper) => {
    let kept = 0;
    for (let position = 0; position < paper.terms.length; position++) {
      const term = paper.terms[position]!;
      const contribution = weightOf(term) * paper.weights[position]!;
      if (contribution <= 0 || (kept === count && contribution <= contributions[count - 1]!)) continue;
      // Into its place from the end, the weakest falling off when all are kept.
      let at = kept < count ? kept++ : count - 1;
      for (; at > 0 && contributions[at - 1]! < contribution; at--) {
        terms[at] = terms[at - 1]!;
        contributions[at] = contributions[at - 1]!;
      }
      terms[at] = term;
      contributions[at] = contribution;
    }
    return terms.slice(0, kept);
  });
}
