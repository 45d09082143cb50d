/**
 * How the feed ranks papers. A paper's score is
 *
 *     log2(1 + votes) + (days since 1970-01-01 of its listing day) / RECENCY_DAYS_PER_DOUBLING
 *
 * where `votes` counts each network that upvoted it in PaperPulse once, however many of its
 * voters did (see the vote_networks migration), plus Hugging Face's upvotes. Every two days of
 * recency count as much as doubling the votes: a paper from two days ago
 * needs twice the votes (plus one) of today's to rank level with it. Because the score does not
 * depend on the current time it is stored (a generated column, see the init migration) and
 * indexed, and a page's order never shifts under a reader's cursor. Keep this in step with it.
 */
export const RECENCY_DAYS_PER_DOUBLING = 2;

const DAY_MS = 86_400_000;

export function trendingScore(votes: number, listedOn: string): number {
  const days = Date.parse(`${listedOn}T00:00:00Z`) / DAY_MS;
  return Math.log2(1 + votes) + days / RECENCY_DAYS_PER_DOUBLING;
}
