import "server-only";

import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

/** The signals a recommender learns from, most recent first: a model of more would be slower to train and no wiser. */
export const TASTE_PAPERS = 500;

/**
 * The reader `r`'s signals, a row per paper, most recent first, for a lateral join over `reader r`:
 * liked = saved or "More like this", disliked = "Not for me" (which wins over a save). `saved`
 * and `rating` (text) are their marks, `at` the latest.
 */
export const TASTE_SIGNALS = Prisma.sql`
  SELECT paper_id, bool_or(disliked) AS disliked, bool_or(saved) AS saved, max(rating) AS rating, max(at) AS at FROM (
    SELECT paper_id, saved_at AS at, false AS disliked, true AS saved, null::text AS rating FROM library_item WHERE reader_id = r.id
    UNION ALL
    SELECT paper_id, rated_at, rating = 'less', false, rating::text FROM paper_rating WHERE reader_id = r.id
  ) AS signals
  GROUP BY paper_id
  ORDER BY max(at) DESC, paper_id DESC
  LIMIT ${TASTE_PAPERS}`;

/**
 * What a recommender learns from a reader (TASTE_SIGNALS): paper ids, most recent first; with the
 * reader's taste version (how often these changed, read in the same snapshot), null when there is
 * no such reader.
 */
export async function getReaderTaste(readerId: number): Promise<{ liked: number[]; disliked: number[]; version: number | null }> {
  const rows = await db.$queryRaw<{ version: number; paperId: number | null; disliked: boolean | null }[]>`
    SELECT r.taste_version AS version, t.paper_id AS "paperId", t.disliked
    FROM reader r LEFT JOIN LATERAL (${TASTE_SIGNALS}) t ON true
    WHERE r.id = ${readerId}
    ORDER BY t.at DESC, t.paper_id DESC`;
  const signals = rows.filter((row) => row.paperId !== null);
  return {
    liked: signals.filter((row) => !row.disliked).map((row) => row.paperId!),
    disliked: signals.filter((row) => row.disliked).map((row) => row.paperId!),
    version: rows[0]?.version ?? null,
  };
}
