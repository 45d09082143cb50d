import type { ReaderModel, SparseVector } from "./reader-model";

/**
 * A packed model over vocabulary ids in ascending order, as packModel packs a model and a reader's
 * is stored: a term's weight is found by bisection, with no Map of all its weights to build.
 */
export type TermOrderedModel = { terms: Int32Array; weights: Float32Array; bias: number };

export function packModel(model: ReaderModel<number>): TermOrderedModel {
  return { ...inTermOrder(Int32Array.from(model.weights.keys()), Float32Array.from(model.weights.values())), bias: model.bias };
}

/** The terms and their weights in ascending order of term: as they are if they are, else sorted copies. */
export function inTermOrder(terms: Int32Array, weights: Float32Array): { terms: Int32Array; weights: Float32Array } {
  if (terms.every((term, position) => position === 0 || terms[position - 1]! < term)) return { terms, weights };
  const order = Array.from(terms.keys()).sort((a, b) => terms[a]! - terms[b]!);
  return {
    terms: Int32Array.from(order, (position) => terms[position]!),
    weights: Float32Array.from(order, (position) => weights[position]!),
  };
}

/**
 * Why each paper would be picked: the `count` terms whose weight in the model times the paper's
 * added most to its score, of those that added anything, largest first (the earlier in the paper
 * on a tie). Only the papers' terms are looked up in the model, and the strongest so far are kept
 * in two small arrays reused from paper to paper: a view explains hundreds of matching terms.
 */
export function explainingTerms(model: TermOrderedModel, papers: SparseVector<number>[], count: number): number[][] {
  const terms = new Int32Array(count);
  const contributions = new Float64Array(count);
  return papers.map((paper) => {
    let kept = 0;
    for (let position = 0; position < paper.terms.length; position++) {
      const term = paper.terms[position]!;
      const weight = weightOf(model, term);
      if (weight === undefined) continue;
      const contribution = weight * paper.weights[position]!;
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
    return Array.from(terms.subarray(0, kept));
  });
}

/** The model's weight of a term, by bisection over its ordered terms; undefined if it has none. */
function weightOf(model: TermOrderedModel, term: number): number | undefined {
  let low = 0;
  let high = model.terms.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const found = model.terms[middle]!;
    if (found === term) return model.weights[middle];
    if (found < term) low = middle + 1;
    else high = middle - 1;
  }
  return undefined;
}
