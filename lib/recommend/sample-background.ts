import "server-only";

import { readDb } from "@/lib/db-read";

/** Background papers: the negatives a reader never rated, as arxiv-sanity uses every other paper. */
export const BACKGROUND_PAPERS = 200;

/**
 * A spread of indexed papers to stand for "the rest of the corpus": ids drawn at even steps across
 * the id range (so the same request trains the same model), looked up by key, never a scan.
 */
export async function sampleBackground(exclude: number[]): Promise<number[]> {
  const rows = await readDb.$queryRaw<{ id: number }[]>`
    WITH bounds AS (SELECT min(paper_id) AS low, max(paper_id) AS high FROM paper_vector),
    probes AS (
      SELECT DISTINCT (low + ((high - low) * step::float8 / ${BACKGROUND_PAPERS * 2}))::int AS id
      FROM bounds, generate_series(0, ${BACKGROUND_PAPERS * 2}) AS step
    )
    SELECT v.paper_id AS id
    FROM probes
    CROSS JOIN LATERAL (SELECT paper_id FROM paper_vector WHERE paper_id >= probes.id ORDER BY paper_id LIMIT 1) v
    WHERE v.paper_id <> ALL(${exclude}::int[])
    GROUP BY v.paper_id
    ORDER BY v.paper_id
    LIMIT ${BACKGROUND_PAPERS}`;
  return rows.map((row) => row.id);
}
