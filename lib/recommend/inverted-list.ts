import type { SparseVector } from "./reader-model";

/**
 * Vectors' terms as flat postings: the vectors holding a term (by their index) and their weights of
 * it are at [start[slot], start[slot + 1]) of `vectorOf` and `weightOf`, where slot = slotOf(term)
 * (-1: no vector holds it), each term's postings in the order of the vectors, so every sum over
 * them is taken in one order.
 */
export type InvertedList<Term> = { slotOf: (term: Term) => number; start: Int32Array; vectorOf: Int32Array; weightOf: Float64Array };

/**
 * Built in two passes: the postings' counts, then the postings into their places. `byId`: the
 * list is read far more than it is built (a window's papers, read for every reader), so terms
 * that are vocabulary ids are looked up in a table indexed by id rather than in the Map, a few
 * nanoseconds a lookup instead of about forty, thousands of lookups a reader.
 */
export function invertedList<Term>(vectors: SparseVector<Term>[], { byId = false } = {}): InvertedList<Term> {
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
  const slotOf = (byId && slotsById(slots)) || ((term: Term) => slots.get(term) ?? -1);
  return { slotOf, start, vectorOf, weightOf };
}

/** Vocabulary ids below this many are looked up by id (4 bytes each in the table). */
const MAX_TABLE_IDS = 1 << 24;

/** The slots in a table indexed by term, when every term is a vocabulary id (an integer in the table's range). */
function slotsById<Term>(slots: Map<Term, number>): ((term: Term) => number) | null {
  let largest = -1;
  for (const term of slots.keys()) {
    if (!Number.isInteger(term) || (term as number) < 0 || (term as number) >= MAX_TABLE_IDS) return null;
    largest = Math.max(largest, term as number);
  }
  const table = new Int32Array(largest + 1).fill(-1);
  for (const [term, slot] of slots) table[term as number] = slot;
  return (term) => table[term as number] ?? -1;
}
