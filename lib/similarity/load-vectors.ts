import "server-only";

import type { Prisma } from "@/lib/generated/prisma/client";

import { AUTHOR_PREFIX, CATEGORY_PREFIX } from "./document-terms";

/**
 * Stored vectors as they are stored, terms as vocabulary ids. The arrays come as comma-separated
 * text, split natively: the driver's array parser reads them a character at a time, about a quarter
 * of a 500-paper reader's /for-you in CPU. The numbers are the same (the same float4 text either way).
 */
export async function loadVectorsByTermId(
  tx: Pick<Prisma.TransactionClient, "$queryRaw">,
  paperIds: number[],
): Promise<Map<number, { terms: number[]; weights: number[] }>> {
  if (paperIds.length === 0) return new Map();
  const rows = await tx.$queryRaw<{ paperId: number; termIds: string; weights: string }[]>`
    SELECT paper_id AS "paperId", array_to_string(term_ids, ',') AS "termIds", array_to_string(weights, ',') AS weights
    FROM paper_vector WHERE paper_id = ANY(${paperIds}::int[])`;
  const numbers = (text: string) => (text === "" ? [] : text.split(",").map(Number));
  return new Map(rows.map((row) => [row.paperId, { terms: numbers(row.termIds), weights: numbers(row.weights) }]));
}

/** Which of these vocabulary ids are authors or categories rather than words (see isContentTerm). */
export async function metadataTermIds(tx: Pick<Prisma.TransactionClient, "$queryRaw">, termIds: number[]): Promise<number[]> {
  if (termIds.length === 0) return [];
  const rows = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM similarity_term WHERE id = ANY(${termIds}::int[])
      AND (starts_with(term, ${AUTHOR_PREFIX}) OR starts_with(term, ${CATEGORY_PREFIX}))`;
  return rows.map((row) => row.id);
}
