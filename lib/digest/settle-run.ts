import "server-only";

import { releaseClaims } from "./delivery-outcomes";
import type { DigestRun } from "./digest-run";
import type { ProgressWrites } from "./progress-writes";
import { countPendingDeliveries } from "./reclaim-deliveries";

/**
 * Settle: writes the records still waiting, hands back at once what the run claimed but will not
 * send (for the next run to take), fails the run if a lane or record failed, and says whether the
 * day's digests are done: every subscriber scanned, nothing cut short, nothing pending.
 */
export async function settleRun(run: DigestRun, progress: ProgressWrites, unsent: number[]): Promise<void> {
  await progress.flush();
  await releaseClaims(unsent, run.id, run.clock());
  if (run.failures.length > 0) throw run.failures[0];

  const { summary } = run;
  if (!summary.stoppedBecause && !run.finishedClaiming) summary.stoppedBecause = "The run reached its deadline; the next run continues.";
  summary.complete = run.finishedClaiming && !summary.stoppedBecause && (await countPendingDeliveries(run.clock())) === 0;
}
