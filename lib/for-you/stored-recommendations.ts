import "server-only";

import { primaryRows } from "@/lib/db";
import { hasReplicas } from "@/lib/db-read";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Period } from "@/lib/papers/feed-period";
import { paperCardColumns, paperCardsQuery, type PaperCard } from "@/lib/papers/paper-card";
import { withCards, type RankedPaper, type Recommendation } from "@/lib/recommend/recommend-for";
import { readIndexVersion } from "@/lib/similarity/load-vectors";

/**
 * Which list a reader's view asks for and what it must have been ranked from: their taste version
 * (read with their taste, so a save or a rating asks for a new list at once) and the UTC day.
 */
export type ListKey = { readerId: number; period: Period; limit: number; tasteVersion: number; day: string };

/** The reader's stored list for a key (null: none that still holds), and the index's version as it was read. */
export type StoredRecommendations = { papers: Recommendation[] | null; indexVersion: bigint };

/**
 * The reader's stored list for this key, in rank order with each paper's card as it is now, or
 * null when there is none that still holds: ranked from their current model (its row is still
 * there, for their taste version) and the similarity index as it is (no paper indexed since). Read
 * raw, as every view of For you reads it (see primaryRows).
 */
export async function readStoredRecommendations(key: ListKey): Promise<StoredRecommendations> {
  // One row per kept paper; an empty list is one row without a paper, a missing or stale list one
  // row without a list: each says which version of the index it was read with.
  type Row = (PaperCard | { [K in keyof PaperCard]: null }) & { indexVersion: string; kept: boolean; ranked: RankedPaper | null };
  const rows = await primaryRows<Row>(Prisma.sql`
    SELECT s.version AS "indexVersion", rr.reader_id IS NOT NULL AS kept, e.item AS ranked, ${paperCardColumns}
    FROM similarity_index_state s
    LEFT JOIN (reader_recommendation rr JOIN reader_model m ON m.reader_id = rr.reader_id AND m.taste_version = rr.taste_version)
      ON rr.index_version = s.version AND rr.reader_id = ${key.readerId} AND rr.period = ${key.period} AND rr.paper_limit = ${key.limit}
        AND rr.taste_version = ${key.tasteVersion} AND rr.day = ${key.day}::date
    LEFT JOIN LATERAL jsonb_array_elements(rr.papers) WITH ORDINALITY AS e(item, rank) ON true
    LEFT JOIN paper p ON p.id = (e.item->>'id')::int
    ORDER BY e.rank`);
  const [first] = rows;
  const indexVersion = BigInt(first!.indexVersion);
  if (!first!.kept) return { papers: null, indexVersion };
  // The row's other columns are the card's.
  const papers = rows.flatMap(({ ranked, kept, indexVersion: readWith, ...card }) =>
    ranked && card.id !== null ? [{ ...(card as PaperCard), ...ranked }] : [],
  );
  return { papers, indexVersion };
}

/**
 * Ranks with `rank` and keeps the list for the next views, reading the papers' cards in the same
 * statement. `indexVersion` is the primary's, read before ranking (readStoredRecommendations), so a
 * paper indexed meanwhile makes the kept list stale rather than hiding in it; a list ranked from a
 * replica behind the primary's index is not kept (with no replica configured, ranking reads the
 * primary), nor one of a reader deleted meanwhile (the reader's row is locked as it is read, so a
 * delete under way is waited for, not run into). Of two instances storing at once, a list of an
 * older taste or index never replaces a newer one.
 */
export async function rankAndStore(key: ListKey, indexVersion: bigint, rank: () => Promise<RankedPaper[]>): Promise<Recommendation[]> {
  const replicaVersion = hasReplicas() ? await readIndexVersion() : null;
  const ranked = await rank();
  const cards = paperCardsQuery(ranked.map((paper) => paper.id));
  if (replicaVersion !== null && replicaVersion < indexVersion) return withCards(ranked, await primaryRows<PaperCard>(cards));
  const stored = await primaryRows<PaperCard>(Prisma.sql`
    WITH stored AS (
      INSERT INTO reader_recommendation AS rr (reader_id, period, paper_limit, taste_version, index_version, day, papers)
      SELECT id, ${key.period}, ${key.limit}, ${key.tasteVersion}, ${indexVersion}, ${key.day}::date, ${JSON.stringify(ranked)}::jsonb
      FROM reader WHERE id = ${key.readerId} FOR KEY SHARE
      ON CONFLICT (reader_id, period, paper_limit) DO UPDATE
      SET taste_version = excluded.taste_version, index_version = excluded.index_version, day = excluded.day,
          papers = excluded.papers, computed_at = now()
      WHERE rr.taste_version <= excluded.taste_version AND rr.index_version <= excluded.index_version AND rr.day <= excluded.day
    )
    ${cards}`);
  return withCards(ranked, stored);
}
