import "server-only";

import { readDb } from "@/lib/db-read";
import { loadVectorsByTermId } from "@/lib/similarity/load-vectors";

import type { SparseVector } from "./reader-model";

/** Background papers: the negatives a reader never rated, as arxiv-sanity uses every other paper. */
export const BACKGROUND_PAPERS = 200;

type Background = { low: number; high: number; vectors: Map<number, SparseVector<number>> };

/** The last sample and its vectors: every request trains against it, so it is read once per id range. */
let cached: Promise<Background> | null = null;

/**
 * A spread of indexed papers to stand for "the rest of the corpus", with their stored vectors (terms
 * as vocabulary ids), without the reader's own papers: the first BACKGROUND_PAPERS of ids drawn at
 * even steps across the id range (so the same request trains the same model), looked up by key,
 * never a scan. The probes depend only on the range, so they are kept until a newly indexed paper
 * widens it.
 */
export async function sampleBackground(exclude: number[]): Promise<Map<number, SparseVector<number>>> {
  const [{ low, high }] = await readDb.$queryRaw<[{ low: number | null; high: number | null }]>`
    SELECT (SELECT paper_id FROM paper_vector ORDER BY paper_id LIMIT 1) AS low,
      (SELECT paper_id FROM paper_vector ORDER BY paper_id DESC LIMIT 1) AS high`;
  if (low === null || high === null) return new Map();
  let background = cached && (await cached);
  if (!background || background.low !== low || background.high !== high) {
    const loading = loadBackground(low, high);
    cached = loading;
    // A failed read is not kept: the next request tries again.
    loading.catch(() => {
      if (cached === loading) cached = null;
    });
    background = await loading;
  }
  const own = new Set(exclude);
  return new Map([...background.vectors].filter(([id]) => !own.has(id)).slice(0, BACKGROUND_PAPERS));
}

async function loadBackground(low: number, high: number): Promise<Background> {
  const rows = await readDb.$queryRaw<{ id: number }[]>`
    WITH probes AS (
      SELECT DISTINCT (${low}::int + ((${high}::int - ${low}::int) * step::float8 / ${BACKGROUND_PAPERS * 2}))::int AS id
      FROM generate_series(0, ${BACKGROUND_PAPERS * 2}) AS step
    )
    SELECT DISTINCT v.paper_id AS id
    FROM probes
    CROSS JOIN LATERAL (SELECT paper_id FROM paper_vector WHERE paper_id >= probes.id ORDER BY paper_id LIMIT 1) v
    ORDER BY v.paper_id`;
  return {
    low,
    high,
    vectors: await loadVectorsByTermId(
      readDb,
      rows.map((row) => row.id),
    ),
  };
}
