// Ranking metrics of one judged query, with binary judgments (a paper is expected or not).

/** Share of the expected papers found among the first k results. */
export function recallAt(k: number, results: string[], expected: string[]): number {
  if (expected.length === 0) return 1;
  const top = new Set(results.slice(0, k));
  return expected.filter((id) => top.has(id)).length / expected.length;
}

/**
 * Normalised discounted cumulative gain of the first k results: each expected paper found counts
 * 1 / log2(position + 1), divided by the best possible (every expected paper first).
 */
export function ndcgAt(k: number, results: string[], expected: string[]): number {
  const wanted = new Set(expected);
  const gain = results.slice(0, k).reduce((sum, id, index) => sum + (wanted.has(id) ? 1 / Math.log2(index + 2) : 0), 0);
  const ideal = Array.from({ length: Math.min(k, expected.length) }, (_, index) => 1 / Math.log2(index + 2)).reduce((a, b) => a + b, 0);
  return ideal === 0 ? 1 : gain / ideal;
}

export function mean(values: number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}
