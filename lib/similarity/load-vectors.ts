import "server-only";

import { readRows } from "@/lib/db-read";
import { Prisma } from "@/lib/generated/prisma/client";

import { AUTHOR_PREFIX, CATEGORY_PREFIX } from "./document-terms";
import { keptForVersion } from "./kept-for-version";

/** A stored vector, terms as vocabulary ids. */
export type StoredVector = { terms: number[]; weights: number[] };

/**
 * The columns of stored vectors over `paper_vector v`, for vectorsByPaper, wherever many vectors
 * are read. The arrays come as comma-separated text, split natively: the driver's array parser
 * reads them a character at a time, about a quarter of a 500-paper reader's /for-you in CPU. The
 * numbers are the same (the same float4 text either way).
 */
export const vectorColumns = Prisma.sql`
  v.paper_id AS "paperId", array_to_string(v.term_ids, ',') AS "termIds", array_to_string(v.weights, ',') AS weights`;

export type VectorRow = { paperId: number; termIds: string; weights: string };

/** Vectors by paper id from rows of vectorColumns. */
export function vectorsByPaper(rows: VectorRow[]): Map<number, StoredVector> {
  const numbers = (text: string) => (text === "" ? [] : text.split(",").map(Number));
  return new Map(rows.map((row) => [row.paperId, { terms: numbers(row.termIds), weights: numbers(row.weights) }]));
}

/** Stored vectors as they are stored, terms as vocabulary ids. */
export async function loadVectorsByTermId(
  tx: Pick<Prisma.TransactionClient, "$queryRaw">,
  paperIds: number[],
): Promise<Map<number, StoredVector>> {
  if (paperIds.length === 0) return new Map();
  return vectorsByPaper(
    await tx.$queryRaw<VectorRow[]>`SELECT ${vectorColumns} FROM paper_vector v WHERE v.paper_id = ANY(${paperIds}::int[])`,
  );
}

/**
 * Vectors views read (keptForVersion): readers like many of the same papers, and all time's
 * candidates are much the same for readers of a topic. About 1 kB each as arrays of numbers.
 */
const keptVectors = keptForVersion<StoredVector>(30_000);

/**
 * loadVectorsByTermId for a view's read, raw (see readRows), those kept for the similarity index's
 * version the view read (`indexVersion`) not read again.
 */
export async function readVectors(paperIds: number[], indexVersion: bigint): Promise<Map<number, StoredVector>> {
  return keptVectors.read(paperIds, indexVersion, async (missing) => {
    const rows = await readRows<VectorRow & { indexVersion: string }>(Prisma.sql`
      SELECT ${vectorColumns}, (SELECT version FROM similarity_index_state) AS "indexVersion"
      FROM paper_vector v WHERE v.paper_id = ANY(${missing}::int[])`);
    return { values: vectorsByPaper(rows), version: rows.length > 0 ? BigInt(rows[0]!.indexVersion) : null };
  });
}

/** The similarity index's version (see similarity_index_state), where reads go (readRows). */
export async function readIndexVersion(): Promise<bigint> {
  const [state] = await readRows<{ version: string }>(Prisma.sql`SELECT version FROM similarity_index_state`);
  return BigInt(state!.version);
}

/** Which of these vocabulary ids are authors or categories rather than words (see isContentTerm). */
export async function metadataTermIds(tx: Pick<Prisma.TransactionClient, "$queryRaw">, termIds: number[]): Promise<number[]> {
  if (termIds.length === 0) return [];
  const rows = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM similarity_term WHERE id = ANY(${termIds}::int[])
      AND (starts_with(term, ${AUTHOR_PREFIX}) OR starts_with(term, ${CATEGORY_PREFIX}))`;
  return rows.map((row) => row.id);
}
