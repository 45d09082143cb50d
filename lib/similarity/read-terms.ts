import "server-only";

import { readRows } from "@/lib/db-read";
import { Prisma } from "@/lib/generated/prisma/client";

import { keptForVersion } from "./kept-for-version";

/** A vocabulary entry: its term (which tells words from authors and categories) and how it reads. */
export type VocabularyTerm = { term: string; label: string };

/** Terms views read to explain recommendations (keptForVersion): the same few thousand of a window's papers. */
const keptTerms = keptForVersion<VocabularyTerm>(100_000);

/** Vocabulary entries by id, raw (see readRows), those kept for the view's `indexVersion` not read again. */
export async function readTerms(termIds: number[], indexVersion: bigint): Promise<Map<number, VocabularyTerm>> {
  return keptTerms.read([...new Set(termIds)], indexVersion, async (missing) => {
    const rows = await readRows<VocabularyTerm & { id: number; indexVersion: string }>(Prisma.sql`
      SELECT id, term, label, (SELECT version FROM similarity_index_state) AS "indexVersion"
      FROM similarity_term WHERE id = ANY(${missing}::int[])`);
    const values = new Map(rows.map(({ id, term, label }) => [id, { term, label }]));
    return { values, version: rows.length > 0 ? BigInt(rows[0]!.indexVersion) : null };
  });
}
