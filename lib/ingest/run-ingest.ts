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

/**
 * Stores what a source yields, batch by batch: each batch is written whole or not at all, and a
 * failed batch is counted and reported while the rest carry on. The next batch is fetched while the
 * current one is written, so at most two are in memory however long the source is. A source that
 * breaks off (network, malformed answer) ends the run with `error` set; what came before is kept.
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

  const iterator = batches[Symbol.asyncIterator]();
  let next = iterator.next();
  try {
    for (;;) {
      const result = await next;
      if (result.done) break;
      next = iterator.next();
      // Seen by the writer below only if this batch's write fails first; then it is awaited (and
      // handled) on the next turn, or dropped on return.
      next.catch(() => {});
      const batch = result.value;
      total = batch.total ?? total;
      fail(batch.failures);
      try {
        const counts = await upsertPapers(batch.papers);
        summary.inserted += counts.inserted;
        summary.updated += counts.updated;
        summary.unchanged += counts.unchanged + (batch.papers.length - new Set(batch.papers.map((paper) => paper.arxivId)).size);
      } catch (error) {
        const reason = `could not store a batch of ${batch.papers.length} papers: ${error instanceof Error ? error.message : String(error)}`;
        fail(batch.papers.map((paper) => ({ id: paper.arxivId, reason })));
      }
      processed += batch.papers.length + batch.failures.length;
      onProgress?.({ processed, total, summary });
    }
  } catch (error) {
    summary.error = error instanceof Error ? error.message : String(error);
  } finally {
    await iterator.return?.().catch(() => {});
  }
  return summary;
}
