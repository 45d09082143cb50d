/** Ranking metrics with binary relevance, as in trec_eval: a ranked list of ids against the ids judged relevant. */

/** Share of the relevant ids found in the first k, out of as many as could fit (min(relevant, k)). */
export function recallAt(ranked: readonly string[], relevant: ReadonlySet<string>, k = 10): number {
  if (relevant.size === 0) return 0;
  const found = ranked.slice(0, k).filter((id) => relevant.has(id)).length;
  return found / Math.min(relevant.size, k);
}

/** Discounted cumulative gain of the first k, divided by the best possible for this many relevant ids. */
export function ndcgAt(ranked: readonly string[], relevant: ReadonlySet<string>, k = 10): number {
  let dcg = 0;
  ranked.slice(0, k).forEach((id, index) => {
    if (relevant.has(id)) dcg += 1 / Math.log2(index + 2);
  });
  let ideal = 0;
  for (let index = 0; index < Math.min(relevant.size, k); index++) ideal += 1 / Math.log2(index + 2);
  return ideal === 0 ? 0 : dcg / ideal;
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}
