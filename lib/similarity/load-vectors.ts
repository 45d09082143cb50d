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
const vectorColumns = Prisma.sql`
  v.paper_id AS "paperId", array_to_string(v.term_ids, ',') AS "termIds", array_to_string(v.weights, ',') AS weights`;

type VectorRow = { paperId: number; termIds: string; weights: string };

function vectorsByPaper(rows: VectorRow[]): Map<number, StoredVector> {
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
 * Vectors views read, kept for the index version they were read at: every reader's first view of
 * For you scores papers of the same windows, so their vectors are parsed once per process and
 * version, not once per reader. Past MAX_KEPT_VECTORS the least recently read go first.
 */
const kept: { version: bigint | null; vectors: Map<number, StoredVector> } = { version: null, vectors: new Map() };
/** About 1 kB each as arrays of numbers: a busy month of arXiv's listings, and the libraries read with them. */
const MAX_KEPT_VECTORS = 30_000;

/**
 * loadVectorsByTermId for a view's read, raw (see readRows). With `indexVersion`, the version of
 * the similarity index the view read (a paper's vector changes only with it), vectors kept for that
 * version are not read again, and those read are kept when they were read at that version (a
 * replica behind, or an index changed since, reads another).
 */
export async function readVectors(paperIds: number[], indexVersion: bigint | null = null): Promise<Map<number, StoredVector>> {
  if (indexVersion !== null && (kept.version === null || kept.version < indexVersion)) {
    kept.version = indexVersion;
    kept.vectors.clear();
  }
  const keeping = indexVersion !== null && kept.version === indexVersion;
  const found = new Map<number, StoredVector>();
  const missing: number[] = [];
  for (const id of paperIds) {
    const vector = keeping ? kept.vectors.get(id) : undefined;
    if (!vector) missing.push(id);
    else {
      found.set(id, vector);
      // Read again: the most recent goes last, so the least recent is first out.
      kept.vectors.delete(id);
      kept.vectors.set(id, vector);
    }
  }
  if (missing.length === 0) return found;
  const rows = await readRows<VectorRow & { indexVersion: string }>(Prisma.sql`
    SELECT ${vectorColumns}, (SELECT version FROM similarity_index_state) AS "indexVersion"
    FROM paper_vector v WHERE v.paper_id = ANY(${missing}::int[])`);
  const read = vectorsByPaper(rows);
  // Kept only at the version asked for, which another view may have moved past meanwhile.
  const keep = indexVersion !== null && kept.version === indexVersion && rows.length > 0 && BigInt(rows[0]!.indexVersion) === indexVersion;
  for (const [id, vector] of read) {
    found.set(id, vector);
    if (keep) kept.vectors.set(id, vector);
  }
  for (const id of kept.vectors.keys()) {
    if (kept.vectors.size <= MAX_KEPT_VECTORS) break;
    kept.vectors.delete(id);
  }
  return found;
}

/** Which of these vocabulary ids are authors or categories rather than words (see isContentTerm). */
export async function metadataTermIds(tx: Pick<Prisma.TransactionClient, "$queryRaw">, termIds: number[]): Promise<number[]> {
  if (termIds.length === 0) return [];
  const rows = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM similarity_term WHERE id = ANY(${termIds}::int[])
      AND (starts_with(term, ${AUTHOR_PREFIX}) OR starts_with(term, ${CATEGORY_PREFIX}))`;
  return rows.map((row) => row.id);
}
