import "server-only";

import { db } from "@/lib/db";

import { indexPaperVectors } from "./index-paper-vectors";
import { updateSimilarPapers } from "./update-similar-papers";

/** Papers refreshed per transaction: big enough to share the vocabulary writes, small enough to hold few locks. */
const PAPERS_PER_CHUNK = 500;

/**
 * Brings vectors and similar papers up to date for every paper the triggers on `paper` queued
 * (new papers, changed text), a chunk per transaction, until the queue is empty. Several
 * instances may run it at once: each claims different papers. Called after every ingest, seed and
 * submission; a failure leaves the papers queued for the next call.
 */
export async function refreshSimilarPapers(): Promise<{ papers: number }> {
  let papers = 0;
  for (;;) {
    const refreshed = await db.$transaction(
      async (tx) => {
        const indexed = await indexPaperVectors(tx, PAPERS_PER_CHUNK);
        if (indexed.length > 0) await updateSimilarPapers(tx, indexed);
        return indexed.length;
      },
      { timeout: 300_000 },
    );
    if (refreshed === 0) return { papers };
    papers += refreshed;
  }
}
