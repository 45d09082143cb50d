import "server-only";

import { db } from "@/lib/db";

/**
 * What a recommender learns from a reader: liked = saved or "More like this", disliked = "Not for
 * me" (which wins over a save). Paper ids, most recent first.
 */
export async function getReaderTaste(readerId: number, limit = 500): Promise<{ liked: number[]; disliked: number[] }> {
  const rows = await db.$queryRaw<{ paperId: number; disliked: boolean }[]>`
    SELECT paper_id AS "paperId", bool_or(disliked) AS disliked FROM (
      SELECT paper_id, saved_at AS at, false AS disliked FROM library_item WHERE reader_id = ${readerId}
      UNION ALL
      SELECT paper_id, rated_at, rating = 'less' FROM paper_rating WHERE reader_id = ${readerId}
    ) AS signals
    GROUP BY paper_id
    ORDER BY max(at) DESC
    LIMIT ${limit}`;
  return {
    liked: rows.filter((row) => !row.disliked).map((row) => row.paperId),
    disliked: rows.filter((row) => row.disliked).map((row) => row.paperId),
  };
}
