import "server-only";

import type { IngestBatch, IngestFailure } from "./ingest-batch";
import { upsertPapers } from "./upsert-papers";

export type IngestSummary = {
  inserted: number;
  updated: number;
  unchanged: number;
  /** Papers that could not be stored: unusable entries and the papers of failed batches. */
  failed: number;
  /** The first hundred failures, with reasons. */
  failures: IngestFailure[];
  /** Why the source stopped before the end, if it did. */
  error: string | null;
};

export type IngestProgress = { processed: number; total: number | null; summary: IngestSummary };

const MAX_FAILURES_KEPT = 100;
/** Batches written at once: PostgreSQL spends most of an insert on the search indexes, one core per writer. */
const WRITERS = 2;

/**
 * Stores what a source yields, batch by batch: each batch is written whole or not at all, and a
 * failed batch is counted and reported while the rest carry on. The next batch is fetched while
 * earlier ones are written (two at a time), so at most three are in memory however long the source
 * is. A source that breaks off (network, malformed answer) ends the run with `error` set; what came
 * before is kept.
 */
export async function runIngest(
  batches: AsyncIterable<IngestBatch>,
  onProgress?: (progress: IngestProgress) => void,
): Promise<IngestSummary> {
  const summary: IngestSummary = { inserted: 0, updated: 0, unchanged: 0, failed: 0, failures: [], error: null };
  const fail = (failures: IngestFailure[]) => {
    summary.failed += failures.length;
    summary.failures.push(...failures.slice(0, MAX_FAILURES_KEPT - summary.failures.length));
  };
  let processed = 0;
  let total: number | null = null;

  const write = async (batch: IngestBatch) => {
    try {
      const counts = await upsertPapers(batch.papers);
      summary.inserted += counts.inserted;
      summary.updated += counts.updated;
      // A paper listed twice in one batch is stored once; the repeat changed nothing.
      summary.unchanged += counts.unchanged + (batch.papers.length - new Set(batch.papers.map((paper) => paper.arxivId)).size);
    } catch (error) {
      const reason = `could not store a batch of ${batch.papers.length} papers: ${error instanceof Error ? error.message : String(error)}`;
      fail(batch.papers.map((paper) => ({ id: paper.arxivId, reason })));
    }
    processed += batch.papers.length + batch.failures.length;
    onProgress?.({ processed, total, summary });
  };

  const writing = new Set<Promise<void>>();
  try {
    for await (const batch of batches) {
      total = batch.total ?? total;
      fail(batch.failures);
      const done: Promise<void> = write(batch).finally(() => writing.delete(done));
      writing.add(done);
      if (writing.size >= WRITERS) await Promise.race(writing);
    }
  } catch (error) {
    summary.error = error instanceof Error ? error.message : String(error);
  }
  await Promise.all(writing);
  return summary;
}
