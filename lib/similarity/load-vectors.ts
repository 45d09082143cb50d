import "server-only";

import type { Prisma } from "@/lib/generated/prisma/client";

import type { DocumentVector } from "./document-vector";

/** Stored vectors, with their terms as strings (the form documentTerms gives). */
export async function loadVectors(
  tx: Pick<Prisma.TransactionClient, "$queryRaw">,
  paperIds: number[],
): Promise<Map<number, DocumentVector>> {
  if (paperIds.length === 0) return new Map();
  const rows = await tx.$queryRaw<{ paperId: number; terms: string[]; weights: number[] }[]>`
    SELECT v.paper_id AS "paperId", array_agg(t.term ORDER BY x.position) AS terms, array_agg(x.weight ORDER BY x.position) AS weights
    FROM paper_vector v
    CROSS JOIN LATERAL unnest(v.term_ids, v.weights) WITH ORDINALITY AS x(term_id, weight, position)
    JOIN similarity_term t ON t.id = x.term_id
    WHERE v.paper_id = ANY(${paperIds}::int[])
    GROUP BY v.paper_id`;
  return new Map(rows.map((row) => [row.paperId, { terms: row.terms, weights: row.weights }]));
}

/** Stored vectors as they are stored, terms as vocabulary ids: no join, for comparing many at once. */
export async function loadVectorsByTermId(
  tx: Pick<Prisma.TransactionClient, "$queryRaw">,
  paperIds: number[],
): Promise<Map<number, { terms: number[]; weights: number[] }>> {
  if (paperIds.length === 0) return new Map();
  const rows = await tx.$queryRaw<{ paperId: number; termIds: number[]; weights: number[] }[]>`
    SELECT paper_id AS "paperId", term_ids AS "termIds", weights FROM paper_vector WHERE paper_id = ANY(${paperIds}::int[])`;
  return new Map(rows.map((row) => [row.paperId, { terms: row.termIds, weights: row.weights }]));
}
