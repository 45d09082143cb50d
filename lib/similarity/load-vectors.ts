import "server-only";

import { readRows } from "@/lib/db-read";
import { Prisma } from "@/lib/generated/prisma/client";

import { AUTHOR_PREFIX, CATEGORY_PREFIX } from "./document-terms";

/** A stored vector, terms as vocabulary ids. */
export type StoredVector = { terms: number[]; weights: number[] };

/**
 * The columns of stored vectors over `paper_vector v`, for vectorsByPaper. The arrays come as
 * comma-separated text, split natively: the driver's array parser reads them a character at a
 * time, about a quarter of a 500-paper reader's /for-you in CPU. The numbers are the same (the
 * same float4 text either way).
 */
export const vectorColumns = Prisma.sql`
  v.paper_id AS "paperId", array_to_string(v.term_ids, ',') AS "termIds", array_to_string(v.weights, ',') AS weights`;

export type VectorRow = { paperId: number; termIds: string; weights: string };

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

/** loadVectorsByTermId for a view's read, raw (see readRows): For you's first view reads its reader's. */
export async function readVectors(paperIds: number[]): Promise<Map<number, StoredVector>> {
  if (paperIds.length === 0) return new Map();
  return vectorsByPaper(
    await readRows<VectorRow>(Prisma.sql`SELECT ${vectorColumns} FROM paper_vector v WHERE v.paper_id = ANY(${paperIds}::int[])`),
  );
}

/** Which of these vocabulary ids are authors or categories rather than words (see isContentTerm). */
export async function metadataTermIds(tx: Pick<Prisma.TransactionClient, "$queryRaw">, termIds: number[]): Promise<number[]> {
  if (termIds.length === 0) return [];
  const rows = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM similarity_term WHERE id = ANY(${termIds}::int[])
      AND (starts_with(term, ${AUTHOR_PREFIX}) OR starts_with(term, ${CATEGORY_PREFIX}))`;
  return rows.map((row) => row.id);
}
