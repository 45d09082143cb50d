import "server-only";

import { db } from "@/lib/db";
import { arxivOptions, type ArxivOptions } from "@/lib/ingest/arxiv/arxiv-options";
import { ingestArxivIds } from "@/lib/ingest/ingest-arxiv-ids";
import { retrainAfterWrite } from "@/lib/recommend/stored-reader-model";

const BATCH = 100;
const MAX_ATTEMPTS = 8;

/**
 * Fetches imported papers arXiv could not deliver earlier and saves them into the libraries that
 * asked, retraining those readers' models. An id arXiv does not know, or one that kept failing for MAX_ATTEMPTS runs, is dropped;
 * otherwise the next attempt waits twice as long as the last (from 10 minutes).
 */
export async function retryPendingImports(
  options: ArxivOptions = arxivOptions(),
): Promise<{ saved: number; dropped: number; waiting: number }> {
  const due = await db.$queryRaw<{ arxivId: string }[]>`
    SELECT DISTINCT arxiv_id AS "arxivId" FROM library_import_pending WHERE next_attempt_at <= now() LIMIT ${BATCH}`;
  if (due.length === 0) return { saved: 0, dropped: 0, waiting: 0 };
  const ids = due.map((row) => row.arxivId);
  const ingest = await ingestArxivIds(ids, undefined, options, "submitted");
  const unknownToArxiv = ingest.failures.filter((failure) => failure.reason.startsWith("arXiv has no paper")).map((failure) => failure.id!);

  const savedFor = await db.$queryRaw<{ readerId: number; saved: number }[]>`
    WITH arrived AS (
      DELETE FROM library_import_pending lp USING paper p
      WHERE p.arxiv_id = lp.arxiv_id AND lp.arxiv_id = ANY(${ids}::text[])
      RETURNING lp.reader_id, p.id AS paper_id
    ), inserted AS (
      INSERT INTO library_item (reader_id, paper_id) SELECT reader_id, paper_id FROM arrived ON CONFLICT DO NOTHING RETURNING reader_id
    )
    SELECT reader_id AS "readerId", count(*)::int AS saved FROM inserted GROUP BY reader_id ORDER BY reader_id`;
  for (const { readerId } of savedFor) await retrainAfterWrite(readerId);
  const dropped = await db.$executeRaw`
    DELETE FROM library_import_pending
    WHERE arxiv_id = ANY(${unknownToArxiv}::text[]) OR (arxiv_id = ANY(${ids}::text[]) AND attempts + 1 >= ${MAX_ATTEMPTS})`;
  const waiting = await db.$executeRaw`
    UPDATE library_import_pending
    SET attempts = attempts + 1, last_error = ${ingest.error ?? "not delivered by arXiv"},
        next_attempt_at = now() + make_interval(mins => 10 * power(2, attempts)::int)
    WHERE arxiv_id = ANY(${ids}::text[])`;
  return { saved: savedFor.reduce((sum, row) => sum + row.saved, 0), dropped, waiting };
}
