import "server-only";

import { primaryRows } from "@/lib/db";
import { hasReplicas } from "@/lib/db-read";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Period } from "@/lib/papers/feed-period";
import { paperCardColumns, paperCardsQuery, type PaperCard } from "@/lib/papers/paper-card";
import { withCards, type RankedPaper, type Recommendation } from "@/lib/recommend/recommend-for";
import { MODEL_COLUMNS, storedModel, type ModelColumns, type StoredReaderModel } from "@/lib/recommend/stored-reader-model";
import { readIndexVersion } from "@/lib/similarity/load-vectors";

import { TASTE_PAPERS_JSON, tastePapers, type TastePaperRow, type TastePapers } from "./taste-papers";

/**
 * Which list a reader's view asks for and what it must have been ranked from: their taste version
 * (read with their taste, so a save or a rating asks for a new list at once) and the UTC day.
 */
export type ListKey = { readerId: number; period: Period; limit: number; tasteVersion: number; day: string };

/**
 * What a view of For you starts from, read together: the reader's taste (tasteVersion: its
 * version), the latest listing day with papers up to the day, the similarity index's version, and
 * either the reader's stored list (null: none that still holds) or their stored model to rank with
 * (null: none for this taste version).
 */
export type ForYouState = {
  tasteVersion: number;
  taste: TastePapers;
  latestListing: string | null;
  indexVersion: bigint;
  stored: Recommendation[] | null;
  model: StoredReaderModel | null;
};

/**
 * The reader's ForYouState for a list (null: no such reader), in one statement, as every first view
 * of For you reads it (raw, see primaryRows). A stored list holds while it was ranked from their
 * current model (its row is still there, for their taste version) and the similarity index as it
 * is (no paper indexed since); it comes in rank order with each paper's card as it is now, and
 * then the model is not read. The index's one row is read with LIMIT 1 so that the planner counts
 * one: from the table's default estimate (2,200 rows) the statement cost enough to be compiled by
 * JIT, 650 ms a view.
 */
export async function readForYouState(readerId: number, list: Omit<ListKey, "readerId" | "tasteVersion">): Promise<ForYouState | null> {
  type Row = ModelColumns & {
    tasteVersion: number;
    indexVersion: string;
    latestListing: string | null;
    taste: TastePaperRow[];
    stored: RankedPaper[] | null;
    cards: PaperCard[] | null;
  };
  const [row] = await primaryRows<Row>(Prisma.sql`
    SELECT r.taste_version AS "tasteVersion", s.version AS "indexVersion",
      (SELECT to_char(max(listed_on), 'YYYY-MM-DD') FROM paper WHERE listed_on <= ${list.day}::date) AS "latestListing",
      ${TASTE_PAPERS_JSON} AS taste,
      rr.papers AS stored,
      (SELECT json_agg(c) FROM (SELECT ${paperCardColumns} FROM paper p
        WHERE p.id IN (SELECT (e->>'id')::int FROM jsonb_array_elements(rr.papers) e)) c) AS cards,
      ${MODEL_COLUMNS}
    FROM reader r CROSS JOIN (SELECT version FROM similarity_index_state LIMIT 1) s
    LEFT JOIN reader_recommendation rr
      ON rr.reader_id = r.id AND rr.period = ${list.period} AND rr.paper_limit = ${list.limit} AND rr.day = ${list.day}::date
        AND rr.taste_version = r.taste_version AND rr.index_version = s.version
        AND EXISTS (SELECT FROM reader_model k WHERE k.reader_id = r.id AND k.taste_version = r.taste_version)
    LEFT JOIN reader_model m ON rr.reader_id IS NULL AND m.reader_id = r.id AND m.taste_version = r.taste_version
    WHERE r.id = ${readerId}`);
  if (!row) return null;
  return {
    tasteVersion: row.tasteVersion,
    taste: tastePapers(row.taste),
    latestListing: row.latestListing,
    indexVersion: BigInt(row.indexVersion),
    stored: row.stored && withCards(row.stored, row.cards ?? []),
    model: storedModel(row),
  };
}

/**
 * Ranks with `rank` and keeps the list for the next views, reading the papers' cards in the same
 * statement, as one JSON value (rows took several times the parsing). `indexVersion` is the
 * primary's, read before ranking, so a paper indexed meanwhile makes the list stale rather than
 * hiding in it; a list ranked from a replica behind it is not kept, nor one of a reader deleted
 * meanwhile (their row is locked as it is read, so a delete under way is waited for). Of two
 * instances storing at once, a list of an older taste or index never replaces a newer one.
 */
export async function rankAndStore(key: ListKey, indexVersion: bigint, rank: () => Promise<RankedPaper[]>): Promise<Recommendation[]> {
  const replicaVersion = hasReplicas() ? await readIndexVersion() : null;
  const ranked = await rank();
  const cards = paperCardsQuery(ranked.map((paper) => paper.id));
  if (replicaVersion !== null && replicaVersion < indexVersion) return withCards(ranked, await primaryRows<PaperCard>(cards));
  const [stored] = await primaryRows<{ cards: PaperCard[] | null }>(Prisma.sql`
    WITH stored AS (
      INSERT INTO reader_recommendation AS rr (reader_id, period, paper_limit, taste_version, index_version, day, papers)
      SELECT id, ${key.period}, ${key.limit}, ${key.tasteVersion}, ${indexVersion}, ${key.day}::date, ${JSON.stringify(ranked)}::jsonb
      FROM reader WHERE id = ${key.readerId} FOR KEY SHARE
      ON CONFLICT (reader_id, period, paper_limit) DO UPDATE
      SET taste_version = excluded.taste_version, index_version = excluded.index_version, day = excluded.day,
          papers = excluded.papers, computed_at = now()
      WHERE rr.taste_version <= excluded.taste_version AND rr.index_version <= excluded.index_version AND rr.day <= excluded.day
    )
    SELECT json_agg(c) AS cards FROM (${cards}) c`);
  return withCards(ranked, stored!.cards ?? []);
}
