/**
 * How the feed ranks papers: log2(1 + votes) + (days since 1970 of the listing day) / 2, so two days
 * of recency weigh as much as doubling the votes. Counted from a fixed epoch, the score is stored
 * and indexed as a generated column (keep it in step; see the vote_networks migration), and a page's
 * order never shifts under a cursor. The derivation: docs/ranking.md.
 */
export const RECENCY_DAYS_PER_DOUBLING = 2;

const DAY_MS = 86_400_000;

export function trendingScore(votes: number, listedOn: string): number {
  const days = Date.parse(`${listedOn}T00:00:00Z`) / DAY_MS;
  return Math.log2(1 + votes) + days / RECENCY_DAYS_PER_DOUBLING;
}
