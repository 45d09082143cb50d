import "server-only";

import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { retrainAfterWrite } from "@/lib/recommend/stored-reader-model";

import { dropUnusedTags } from "./tag-papers";

type Client = Prisma.TransactionClient | typeof db;

export type SaveOutcome = { saved: string[]; alreadySaved: string[]; unknown: string[] };

/**
 * Saves papers by arXiv id (without version) into a reader's library in one statement, and
 * retrains the reader's model when that saved any. Saving a saved paper changes nothing (not even
 * when it was saved), so retries and merges are harmless. Within a transaction (`client`) the
 * caller retrains once it has committed.
 */
export async function savePapers(readerId: number, arxivIds: string[], client: Client = db): Promise<SaveOutcome> {
  const outcome: SaveOutcome = { saved: [], alreadySaved: [], unknown: [] };
  if (arxivIds.length === 0) return outcome;
  const rows = await client.$queryRaw<{ arxivId: string; known: boolean; inserted: boolean }[]>`
    WITH wanted AS (SELECT DISTINCT unnest(${arxivIds}::text[]) AS arxiv_id),
    found AS (SELECT p.id, p.arxiv_id FROM paper p JOIN wanted w USING (arxiv_id)),
    inserted AS (
      INSERT INTO library_item (reader_id, paper_id) SELECT ${readerId}, id FROM found
      ON CONFLICT DO NOTHING RETURNING paper_id
    )
    SELECT w.arxiv_id AS "arxivId", f.id IS NOT NULL AS known, i.paper_id IS NOT NULL AS inserted
    FROM wanted w LEFT JOIN found f USING (arxiv_id) LEFT JOIN inserted i ON i.paper_id = f.id`;
  for (const row of rows) {
    if (!row.known) outcome.unknown.push(row.arxivId);
    else if (row.inserted) outcome.saved.push(row.arxivId);
    else outcome.alreadySaved.push(row.arxivId);
  }
  if (client === db && outcome.saved.length > 0) await retrainAfterWrite(readerId);
  return outcome;
}

/**
 * Removes papers from a library; their tags on those papers go with them (foreign key cascade),
 * and a tag left on no paper is deleted. The reader's model is retrained when any went.
 */
export async function removePapers(readerId: number, arxivIds: string[]): Promise<number> {
  if (arxivIds.length === 0) return 0;
  const removed = await db.$transaction(async (tx) => {
    const removed = await tx.$executeRaw`
      DELETE FROM library_item
      WHERE reader_id = ${readerId} AND paper_id IN (SELECT id FROM paper WHERE arxiv_id = ANY(${arxivIds}::text[]))`;
    await dropUnusedTags(tx, readerId);
    return removed;
  });
  if (removed > 0) await retrainAfterWrite(readerId);
  return removed;
}
