import "server-only";

import { countStatements } from "@/lib/db-statements";

import { buildAhead } from "./build-ahead";
import { claimBatches } from "./claim-batches";
import { openDigestRun, type DigestRunOptions, type DigestRunSummary } from "./digest-run";
import { createProgressWrites } from "./progress-writes";
import { startHeartbeat } from "./run-heartbeat";
import { sendLanes } from "./send-lanes";
import { settleRun } from "./settle-run";

export type { DigestRunOptions, DigestRunSummary } from "./digest-run";

/**
 * Sends every due digest once, in five steps around one run (digest-run.ts):
 *
 * 1. claim (claim-batches.ts): a unique row per subscriber and period, so concurrent runs share the
 *    work; first what dead runs left behind and retries that are due, then the due subscribers;
 * 2. build ahead (build-ahead.ts): the next batch is built while the current one sends;
 * 3. send lanes (send-lanes.ts): each delivery is marked `sending` while its message travels, and
 *    the mail server is not given the message's end before the mark is written (marks share
 *    statements, see progress-writes.ts);
 * 4. record (record-outcome.ts): sent, failed, or deferred for a later run;
 * 5. settle (settle-run.ts): what was claimed and not sent goes back at once.
 *
 * A heartbeat (run-heartbeat.ts) lets the next run take a dead run's claims over at once; only the
 * emails it was handing over stay uncertain (docs/deployment.md, "Scheduled work").
 */
export async function runDigest(options: DigestRunOptions = {}): Promise<DigestRunSummary> {
  return countStatements(async (statements) => {
    const run = openDigestRun(options);
    const heartbeat = await startHeartbeat(run.id, run.clock);
    try {
      const batches = buildAhead(run, claimBatches(run));
      const progress = createProgressWrites(run);
      const untaken = await sendLanes(run, batches, progress);
      const builtAhead = await batches.close();
      await settleRun(run, progress, [...untaken, ...builtAhead]);
    } finally {
      await heartbeat.stop();
    }
    return { ...run.summary, durationMs: Math.round(run.elapsedMs()), queries: statements() };
  });
}
