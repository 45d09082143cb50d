import "server-only";

import { db } from "@/lib/db";

/**
 * Which of the (subscriber, paper) pairs were already sent, as "subscriberId:paperId" keys. One
 * query for a whole batch, through the digest_paper primary key.
 */
export async function findSentPapers(pairs: { subscriberId: number; paperId: number }[]): Promise<Set<string>> {
  if (pairs.length === 0) return new Set();
  const rows = await db.$queryRaw<{ subscriberId: number; paperId: number }[]>`
    SELECT dp.subscriber_id AS "subscriberId", dp.paper_id AS "paperId"
    FROM unnest(${pairs.map((pair) => pair.subscriberId)}::int[], ${pairs.map((pair) => pair.paperId)}::int[]) AS u(subscriber_id, paper_id)
    JOIN digest_paper dp ON dp.subscriber_id = u.subscriber_id AND dp.paper_id = u.paper_id`;
  return new Set(rows.map((row) => `${row.subscriberId}:${row.paperId}`));
}
