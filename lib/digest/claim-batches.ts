import "server-only";

import { claimDeliveries } from "./claim-deliveries";
import type { ClaimedDelivery } from "./claimed-delivery";
import type { DigestRun } from "./digest-run";
import { findDueSubscribers } from "./find-due-subscribers";
import { buryDeadRuns, reclaimDeliveries, settleUncertain } from "./reclaim-deliveries";

/**
 * Claim: the deliveries the run will send, a batch at a time. First what dead runs left behind
 * (those they were handing to the mail server only if it can tell they never arrived) and retries
 * that are due, then the due subscribers' deliveries, scanned in id order. Batches start small and
 * double up to the batch size, so the first emails go out while the larger batches behind them
 * are built. Sets `finishedClaiming` once every subscriber was scanned.
 */
export async function* claimBatches(run: DigestRun): AsyncGenerator<ClaimedDelivery[]> {
  const { settings } = run;
  let batchSize = Math.min(settings.batchSize, 2 * settings.concurrency);
  const nextBatchSize = () => {
    const size = batchSize;
    batchSize = Math.min(settings.batchSize, 2 * batchSize);
    return size;
  };
  const leaseUntil = () => new Date(run.clock().getTime() + settings.leaseMs);

  await buryDeadRuns(run.clock());
  if (settings.acceptedMessageIds) await settleUncertain(run.clock(), settings.acceptedMessageIds);
  while (run.timeLeft() > 0) {
    const batch = await reclaimDeliveries({ runId: run.id, now: run.clock(), leaseMs: settings.leaseMs, limit: nextBatchSize() });
    if (batch.length === 0) break;
    yield batch;
  }
  let afterId: number | null = 0;
  while (afterId !== null && run.timeLeft() > 0) {
    const page: Awaited<ReturnType<typeof findDueSubscribers>> = await findDueSubscribers(
      afterId,
      nextBatchSize(),
      run.start,
      settings.sendHour,
    );
    afterId = page.nextAfterId;
    if (page.due.length === 0) continue;
    const batch = await claimDeliveries(page.due, { runId: run.id, now: run.start, leaseUntil: leaseUntil() });
    if (batch.length > 0) yield batch;
  }
  run.finishedClaiming = afterId === null;
}
