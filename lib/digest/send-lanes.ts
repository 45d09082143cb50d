import "server-only";

import type { BuiltBatches, SendableDigest } from "./build-ahead";
import type { DigestRun } from "./digest-run";
import type { ProgressWrites } from "./progress-writes";
import { recordOutcome } from "./record-outcome";
import { sendWithRetry } from "./send-with-retry";

/**
 * Send lanes: `concurrency` lanes, each taking the next digest, handing it to the mail server while
 * it is marked `sending`, and recording what came of it. A lane that runs out of a batch
 * goes straight on to the next, built while this one was sending. Lanes stop taking digests when
 * the run must stop; the deliveries of the batch that no lane took are returned, to be handed back.
 */
export async function sendLanes(run: DigestRun, batches: BuiltBatches, progress: ProgressWrites): Promise<number[]> {
  let current = { digests: [] as SendableDigest[], taken: 0 };
  let switching: Promise<boolean> | null = null;

  async function nextBatch(): Promise<boolean> {
    const digests = await batches.next();
    if (!digests) return false;
    current = { digests, taken: 0 };
    return true;
  }

  async function take(): Promise<SendableDigest | null> {
    while (!run.stopping()) {
      if (current.taken < current.digests.length) return current.digests[current.taken++]!;
      switching ??= nextBatch().finally(() => (switching = null));
      if (!(await switching)) return null;
    }
    return null;
  }

  const lane = async () => {
    try {
      for (let digest = await take(); digest; digest = await take()) await deliver(run, progress, digest);
    } catch (error) {
      run.failures.push(error);
    }
  };
  await Promise.all(Array.from({ length: run.settings.concurrency }, lane));
  return current.digests.slice(current.taken).map((digest) => digest.delivery.id);
}

/**
 * One digest: rendered, and handed to the mail server while it is marked `sending`; the server is
 * not given the message's end before the mark is written (from then on a crash leaves it
 * uncertain, so it is never resent). Its outcome is then recorded. A delivery another run took
 * over (this run was too slow to keep its lease) is theirs now: its message is abandoned unsent.
 */
async function deliver(run: DigestRun, progress: ProgressWrites, digest: SendableDigest): Promise<void> {
  const { delivery, content, links } = digest;
  const message = run.compose({ ...delivery, content, links });
  const release = progress.markSending(delivery.id);
  const outcome = await sendWithRetry((held) => run.settings.sendOnRelease(held, release), message, run.settings.retry);
  // Also when the message failed before its end: a temporary failure is recorded on a marked row.
  if (!(await release()) || outcome.kind === "abandoned") return;
  await recordOutcome(run, progress, digest, outcome);
}
