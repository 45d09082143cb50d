import "server-only";

import { runDigest, type DigestRunSummary } from "./run-digest";

// The in-process job runs hourly; it stops starting batches well before the next one is due.
const DEADLINE_MS = 50 * 60_000;

/** The digest job of the in-process scheduler: one run, and a log line saying what it did. */
export async function runScheduledDigest(): Promise<DigestRunSummary> {
  const summary = await runDigest({ deadlineMs: DEADLINE_MS });
  const { due, sent, skipped, failed, deferred, durationMs, stoppedBecause } = summary;
  const line = `[digest] ${due} due: ${sent} sent, ${skipped} skipped, ${failed} failed, ${deferred} to retry in ${durationMs} ms`;
  if (stoppedBecause) console.warn(`${line}; ${stoppedBecause}`);
  else console.info(line);
  return summary;
}
