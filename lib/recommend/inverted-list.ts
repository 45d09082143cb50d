import type { SparseVector } from "./reader-model";

/**
 * Vectors' terms as flat postings: the vectors holding a term (by their index) and their weights of
 * it are at [start[slot], start[slot + 1]) of `vectorOf` and `weightOf`, where slot = slots.get(term),
 * each term's postings in the order of the vectors, so every sum over them is taken in one order.
 */
export type InvertedList<Term> = { slots: Map<Term, number>; start: Int32Array; vectorOf: Int32Array; weightOf: Float64Array };

/** Built in two passes: the postings' counts, then the postings into their places. */
export function invertedList<Term>(vectors: SparseVector<Term>[]): InvertedList<Term> {
  const slots = new Map<Term, number>();
  const counts: number[] = [];
  for (const vector of vectors) {
    for (let position = 0; position < vector.terms.length; position++) {
      const term = vector.terms[position]!;
      const slot = slots.get(term);
      if (slot === undefined) {
        slots.set(term, counts.length);
        counts.push(1);
      } else counts[slot]!++;
    }
  }
  const start = new Int32Array(counts.length + 1);
  counts.forEach((count, slot) => (start[slot + 1] = start[slot]! + count));
  const filled = start.slice(0, counts.length);
  const vectorOf = new Int32Array(start[counts.length]!);
  const weightOf = new Float64Array(vectorOf.length);
  vectors.forEach((vector, index) => {
    for (let position = 0; position < vector.terms.length; position++) {
      const at = filled[slots.get(vector.terms[position]!)!]!++;
      vectorOf[at] = index;
      weightOf[at] = vector.weights[position]!;
    }
  });
  return { slots, start, vectorOf, weightOf };
}
