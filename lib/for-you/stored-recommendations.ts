import "server-only";

import { db } from "@/lib/db";
import { readDb } from "@/lib/db-read";
import type { Period } from "@/lib/papers/feed-period";
import { paperCardColumns, type PaperCard } from "@/lib/papers/paper-card";
import type { Recommendation } from "@/lib/recommend/recommend-for";

/**
 * Which list a reader's view asks for and what it must have been ranked from: their taste version
 * (read with their taste, so a save or a rating asks for a new list at once) and the UTC day.
 */
export type ListKey = { readerId: number; period: Period; limit: number; tasteVersion: number; day: string };

/** What is kept of each ranked paper: its card is read afresh on every view (votes change). */
type Ranked = Pick<Recommendation, "id" | "score" | "because" | "terms">;

/**
 * The reader's stored list for this key, in rank order with each paper's card as it is now, or
 * null when there is none that still holds: ranked from their current model (its row is still
 * there, for their taste version) and the similarity index as it is (no paper indexed since).
 */
export async function readStoredRecommendations(key: ListKey): Promise<Recommendation[] | null> {
  // One row per kept paper; an empty list is one row without a paper, a missing or stale list none.
  const rows = await db.$queryRaw<((PaperCard | { [K in keyof PaperCard]: null }) & { ranked: Ranked | null })[]>`
    SELECT e.item AS ranked, ${paperCardColumns}
    FROM reader_recommendation rr
    JOIN similarity_index_state s ON s.version = rr.index_version
    JOIN reader_model m ON m.reader_id = rr.reader_id AND m.taste_version = rr.taste_version
    LEFT JOIN LATERAL jsonb_array_elements(rr.papers) WITH ORDINALITY AS e(item, rank) ON true
    LEFT JOIN paper p ON p.id = (e.item->>'id')::int
    WHERE rr.reader_id = ${key.readerId} AND rr.period = ${key.period} AND rr.paper_limit = ${key.limit}
      AND rr.taste_version = ${key.tasteVersion} AND rr.day = ${key.day}::date
    ORDER BY e.rank`;
  if (rows.length === 0) return null;
  return rows.flatMap(({ ranked, ...card }) => (ranked && card.id !== null ? [{ ...(card as PaperCard), ...ranked }] : []));
}

/**
 * Ranks with `rank` and keeps the list for the next views. The index version is read before
 * ranking, so a paper indexed meanwhile makes the kept list stale rather than hiding in it; a list
 * ranked from a replica behind the primary's index is not kept, nor one of a reader deleted meanwhile
 * (the reader's row is locked as it is read, so a delete under way is waited for, not run into).
 * Of two instances storing at once, a list of an older taste or index never replaces a newer one.
 */
export async function rankAndStore(key: ListKey, rank: () => Promise<Recommendation[]>): Promise<Recommendation[]> {
  const [primary, replica] = await Promise.all([indexVersion(db), indexVersion(readDb)]);
  const papers = await rank();
  if (replica < primary) return papers;
  const ranked: Ranked[] = papers.map(({ id, score, because, terms }) => ({ id, score, because, terms }));
  await db.$executeRaw`
    INSERT INTO reader_recommendation AS rr (reader_id, period, paper_limit, taste_version, index_version, day, papers)
    SELECT id, ${key.period}, ${key.limit}, ${key.tasteVersion}, ${primary}, ${key.day}::date, ${JSON.stringify(ranked)}::jsonb
    FROM reader WHERE id = ${key.readerId} FOR KEY SHARE
    ON CONFLICT (reader_id, period, paper_limit) DO UPDATE
    SET taste_version = excluded.taste_version, index_version = excluded.index_version, day = excluded.day,
        papers = excluded.papers, computed_at = now()
    WHERE rr.taste_version <= excluded.taste_version AND rr.index_version <= excluded.index_version AND rr.day <= excluded.day`;
  return papers;
}

async function indexVersion(client: Pick<typeof db, "$queryRaw">): Promise<bigint> {
  const [row] = await client.$queryRaw<{ version: bigint }[]>`SELECT version FROM similarity_index_state`;
  return row!.version;
}
