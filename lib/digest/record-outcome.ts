import "server-only";

import type { SendableDigest } from "./build-ahead";
import { deferDelivery, markFailed } from "./delivery-outcomes";
import type { DigestRun } from "./digest-run";
import type { ProgressWrites } from "./progress-writes";
import type { SendOutcome } from "./send-with-retry";

const MAX_RETRY_DELAY_MS = 6 * 3_600_000;

/**
 * Record: what came of handing a digest to the mail server. Accepted: recorded sent with the papers
 * it carried. Refused for good: failed (a hard bounce counts against the subscriber). A temporary
 * failure: left for a later run, with backoff, until the attempts run out; a run of them means the
 * mail server is down, and the run stops.
 */
export async function recordOutcome(
  run: DigestRun,
  progress: ProgressWrites,
  digest: SendableDigest,
  outcome: Exclude<SendOutcome, { kind: "abandoned" }>,
): Promise<void> {
  const { delivery, content } = digest;
  const { settings, summary } = run;
  if (outcome.kind === "sent") {
    run.consecutiveTransient = 0;
    const papers = [
      ...content.papers.map(({ paper }) => ({ paperId: paper.id, alsoTrending: false })),
      ...content.recommended.map(({ paper }) => ({ paperId: paper.id, alsoTrending: false })),
      ...content.alsoTrending.map((paper) => ({ paperId: paper.id, alsoTrending: true })),
    ];
    progress.recordSent({ id: delivery.id, papers });
    return;
  }
  const failure = { hardBounce: false, bounceLimit: settings.bounceLimit, now: run.clock() };
  if (outcome.kind === "permanent") {
    run.consecutiveTransient = 0;
    await markFailed(delivery, { ...failure, reason: outcome.reason, hardBounce: outcome.hardBounce });
    summary.failed++;
  } else if (delivery.attempts + 1 >= settings.maxAttempts) {
    await markFailed(delivery, { ...failure, reason: `Gave up after ${delivery.attempts + 1} attempts: ${outcome.reason}` });
    summary.failed++;
  } else {
    const delay = Math.min(MAX_RETRY_DELAY_MS, settings.retryDelayMs * 2 ** delivery.attempts);
    await deferDelivery(delivery.id, outcome.reason, new Date(run.clock().getTime() + delay));
    summary.deferred++;
    if (++run.consecutiveTransient >= run.outageAfter) summary.stoppedBecause ??= `The mail server is unavailable: ${outcome.reason}`;
  }
}
