import "server-only";

import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";

import { env } from "@/lib/env";
import { sendMail } from "@/lib/mail/send-mail";
import type { EmailLinks } from "@/lib/subscribers/issue-email-links";

import { createDigestBuilder } from "./build-digests";
import { claimDeliveries } from "./claim-deliveries";
import type { ClaimedDelivery } from "./claimed-delivery";
import { composeDigestMessage } from "./compose-digest-message";
import type { BuiltDigest, DigestContent } from "./digest-content";
import { deferDelivery, markFailed, markSkipped, recordProgress, releaseClaims, type SentDelivery } from "./delivery-outcomes";
import { findDueSubscribers } from "./find-due-subscribers";
import { groupWrites } from "./group-writes";
import { reclaimDeliveries } from "./reclaim-deliveries";
import { sendWithRetry, type RetryPolicy, type SendMail } from "./send-with-retry";

/** A built digest with something to send and the links to put in it. */
type SendableDigest = { delivery: ClaimedDelivery; content: DigestContent; links: EmailLinks };

/** `promise`, with its failure left for whoever awaits it later rather than reported as unhandled now. */
function settleLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

export type DigestRunOptions = {
  /** The run's clock starts here (tests move it); it decides who is due and which papers are new. */
  now?: Date;
  /** No new batch is started after this long; what is left is for the next run. */
  deadlineMs?: number;
  /** Subscribers scanned, and deliveries claimed and built, per batch. */
  batchSize?: number;
  /** Messages in flight at once over the one pooled transport. */
  concurrency?: number;
  /** How long a claim is this run's alone; a run that dies leaves it to the next after this. */
  leaseMs?: number;
  send?: SendMail;
  /** Local hour from which subscribers are due (0 = as soon as their day begins). */
  sendHour?: number;
  /** Tries within this run for a temporary SMTP failure. */
  retry?: RetryPolicy;
  /** Later runs retry a delivery after this, doubling per attempt, until `maxAttempts`. */
  retryDelayMs?: number;
  maxAttempts?: number;
  /** Consecutive hard bounces after which a subscriber is paused. */
  bounceLimit?: number;
};

export type DigestRunSummary = {
  /** Deliveries this run claimed: due subscribers, and earlier claims it took over. */
  due: number;
  sent: number;
  /** Nothing new matched (and the subscriber did not ask for quiet digests), or they left. */
  skipped: number;
  failed: number;
  /** Temporary failures, left for a later run to retry. */
  deferred: number;
  durationMs: number;
  /** False when the deadline or a mail server outage cut the run short: call again. */
  complete: boolean;
  stoppedBecause: string | null;
  /** SQL statements the run issued (the per-delivery status writes included). */
  queries: number;
};

const DEFAULTS = {
  deadlineMs: 240_000,
  batchSize: 250,
  leaseMs: 10 * 60_000,
  retry: { attempts: 3, backoffMs: 500 },
  retryDelayMs: 5 * 60_000,
  maxAttempts: 5,
  bounceLimit: 3,
};
const MAX_RETRY_DELAY_MS = 6 * 3_600_000;

/**
 * Sends every due digest once. Batches flow through claim → build → send, the next batch being
 * claimed and built while the current one sends, and the lanes that send go from one batch straight
 * on to the next, so the mail server is never left waiting on the database. Each delivery is
 * claimed before it is built (a unique row per subscriber and period, see claim-deliveries.ts), marked `sending` shortly before its SMTP transaction (a chunk of
 * `concurrency` at a time, one chunk ahead) and recorded `sent` once the server has accepted it
 * (these writes share statements, see group-writes.ts), so concurrent runs share the work and a
 * run that dies is resumed by the next without a duplicate. The gap that remains: a crash leaves
 * the rows marked `sending` but not yet recorded `sent` (a few chunks: those marked ahead, those in
 * flight, and those accepted and waiting to be recorded), which the next run marks failed
 * instead of resending. Those subscribers may miss that digest, never get it twice, and its stable
 * Message-ID lets a receiver drop a copy should an operator resend one.
 */
export async function runDigest(options: DigestRunOptions = {}): Promise<DigestRunSummary> {
  const settings = { ...DEFAULTS, ...options };
  const send = options.send ?? sendMail;
  const concurrency = options.concurrency ?? env.SMTP_MAX_CONNECTIONS * 2;
  const sendHour = options.sendHour ?? env.DIGEST_SEND_HOUR;
  const runId = randomUUID();
  const startedAt = performance.now();
  const start = options.now ?? new Date();
  const clock = () => new Date(start.getTime() + (performance.now() - startedAt));
  const timeLeft = () => settings.deadlineMs - (performance.now() - startedAt);
  // A mail server that fails this many messages in a row is down: stop and let a later run retry.
  const outageAfter = Math.max(5, concurrency);

  const summary: DigestRunSummary = {
    due: 0,
    sent: 0,
    skipped: 0,
    failed: 0,
    deferred: 0,
    durationMs: 0,
    complete: false,
    stoppedBecause: null,
    queries: 0,
  };
  const builder = createDigestBuilder({ now: start });
  let consecutiveTransient = 0;
  let finishedClaiming = false;
  // The two writes every email makes (sending, then sent) go many to a statement, both kinds
  // together, while other emails are in flight.
  const writeProgress = groupWrites(async (writes: ({ sending: number } | { sent: SentDelivery })[]) => {
    summary.queries++;
    const sending = writes.flatMap((write) => ("sending" in write ? [write.sending] : []));
    const sent = writes.flatMap((write) => ("sent" in write ? [write.sent] : []));
    const granted = await recordProgress({ sending, sent }, runId, clock());
    return writes.map((write) => !("sending" in write) || granted.has(write.sending));
  });

  // Batches start small and double up to batchSize, so the first emails go out while the larger
  // batches behind them are built.
  let batchSize = Math.min(settings.batchSize, 2 * concurrency);
  const nextBatchSize = () => {
    const size = batchSize;
    batchSize = Math.min(settings.batchSize, 2 * batchSize);
    return size;
  };

  async function* claimedBatches(): AsyncGenerator<ClaimedDelivery[]> {
    while (timeLeft() > 0) {
      summary.queries += 2;
      const batch = await reclaimDeliveries({ runId, now: clock(), leaseMs: settings.leaseMs, limit: nextBatchSize() });
      if (batch.length === 0) break;
      yield batch;
    }
    let afterId: number | null = 0;
    while (afterId !== null && timeLeft() > 0) {
      summary.queries++;
      const page: Awaited<ReturnType<typeof findDueSubscribers>> = await findDueSubscribers(afterId, nextBatchSize(), start, sendHour);
      afterId = page.nextAfterId;
      if (page.due.length === 0) continue;
      summary.queries++;
      const leaseUntil = new Date(clock().getTime() + settings.leaseMs);
      const batch = await claimDeliveries(page.due, { runId, now: start, leaseUntil });
      if (batch.length > 0) yield batch;
    }
    finishedClaiming = afterId === null;
  }

  async function buildNext(batches: AsyncGenerator<ClaimedDelivery[]>): Promise<BuiltDigest[] | null> {
    const next = await batches.next();
    if (next.done) return null;
    summary.due += next.value.length;
    const built = await builder.build(next.value);
    const skipped = built.flatMap((digest) => (digest.content ? [] : [{ id: digest.delivery.id, reason: digest.reason }]));
    summary.queries++;
    await markSkipped(skipped);
    summary.skipped += skipped.length;
    return built;
  }

  // Records of sent emails not yet written.
  const recordings = new Set<Promise<void>>();
  // What went wrong in a lane or a record: every lane stops, and the run fails once it has let go
  // of what it claimed.
  const failures: unknown[] = [];

  /**
   * Sends one digest once `marked` (its `sending` mark) is written. Once the server has accepted it,
   * the lane moves on: recording it sent rides with a later statement of the run.
   */
  async function deliver(digest: SendableDigest, marked: Promise<boolean>): Promise<void> {
    const { delivery, content, links } = digest;
    const message = composeDigestMessage({ ...delivery, content, links }, env.APP_URL);
    // Another run took this delivery over (ours was too slow to keep its lease): it is theirs now.
    if (!(await marked)) return;
    const outcome = await sendWithRetry(send, message, settings.retry);
    if (outcome.kind === "sent") {
      consecutiveTransient = 0;
      const papers = [
        ...content.papers.map(({ paper }) => ({ paperId: paper.id, alsoTrending: false })),
        ...content.alsoTrending.map((paper) => ({ paperId: paper.id, alsoTrending: true })),
      ];
      const recorded = writeProgress.later({ sent: { id: delivery.id, papers } }).then(
        () => void summary.sent++,
        (error: unknown) => void failures.push(error),
      );
      recordings.add(recorded);
      void recorded.then(() => recordings.delete(recorded));
      return;
    }
    summary.queries++;
    if (outcome.kind === "permanent") {
      consecutiveTransient = 0;
      await markFailed(delivery, { reason: outcome.reason, hardBounce: outcome.hardBounce, bounceLimit: settings.bounceLimit, now: clock() });
      summary.failed++;
    } else if (delivery.attempts + 1 >= settings.maxAttempts) {
      await markFailed(delivery, { reason: `Gave up after ${delivery.attempts + 1} attempts: ${outcome.reason}`, hardBounce: false, bounceLimit: settings.bounceLimit, now: clock() });
      summary.failed++;
    } else {
      const delay = Math.min(MAX_RETRY_DELAY_MS, settings.retryDelayMs * 2 ** delivery.attempts);
      await deferDelivery(delivery.id, outcome.reason, new Date(clock().getTime() + delay));
      summary.deferred++;
      if (++consecutiveTransient >= outageAfter) summary.stoppedBecause ??= `The mail server is unavailable: ${outcome.reason}`;
    }
  }

  /** The batch being sent: its digests with something to send, their `sending` marks so far, how many lanes took. */
  type Sending = { digests: SendableDigest[]; marks: Promise<boolean>[]; taken: number };
  const stopping = () => failures.length > 0 || summary.stoppedBecause !== null || timeLeft() <= 0;
  const batches = claimedBatches();
  let ahead = buildNext(batches);
  let current: Sending = { digests: [], marks: [], taken: 0 };
  let switching: Promise<boolean> | null = null;

  /** Makes the batch built ahead the one being sent, and starts building the next; false when there is none. */
  async function nextBatch(): Promise<boolean> {
    const batch = await ahead;
    if (!batch) return false;
    ahead = stopping() ? Promise.resolve(null) : buildNext(batches);
    current = {
      digests: batch.filter((digest): digest is SendableDigest => digest.content !== null && digest.links !== null),
      marks: [],
      taken: 0,
    };
    return true;
  }

  /**
   * The next digest to send with its `sending` mark, or null when there is none or the run must
   * stop. The marks are written `concurrency` at a time, a lane reaching a chunk asking for the next
   * one's too, so lanes seldom wait for a mark and a statement carries a chunk of them. Lanes that
   * run out of a batch go straight on to the next, which was built while this one was sending.
   */
  async function take(): Promise<{ digest: SendableDigest; marked: Promise<boolean> } | null> {
    while (!stopping()) {
      const batch = current;
      if (batch.taken < batch.digests.length) {
        const at = batch.taken++;
        const markEnd = Math.min((Math.floor(at / concurrency) + 2) * concurrency, batch.digests.length);
        while (batch.marks.length < markEnd) batch.marks.push(settleLater(writeProgress({ sending: batch.digests[batch.marks.length]!.delivery.id })));
        return { digest: batch.digests[at]!, marked: batch.marks[at]! };
      }
      switching ??= nextBatch().finally(() => (switching = null));
      if (!(await switching)) return null;
    }
    return null;
  }

  const lane = async () => {
    try {
      for (let next = await take(); next; next = await take()) await deliver(next.digest, next.marked);
    } catch (error) {
      failures.push(error);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  writeProgress.flush();
  // What this run claimed and will not send goes back at once: the rest of the batch it was sending
  // and the batch built ahead. Their marks are awaited first, so none is written after.
  const unsent = current.digests.slice(current.taken).map((digest) => digest.delivery.id);
  const built = await ahead.catch(() => null);
  unsent.push(...(built ?? []).flatMap((digest) => (digest.content ? [digest.delivery.id] : [])));
  await Promise.allSettled([...current.marks, ...recordings]);
  await batches.return(undefined);
  if (unsent.length > 0) {
    summary.queries++;
    await releaseClaims(unsent, runId, clock());
  }
  if (failures.length > 0) throw failures[0];

  if (!summary.stoppedBecause && !finishedClaiming) summary.stoppedBecause = "The run reached its deadline; the next run continues.";
  summary.complete = finishedClaiming && !summary.stoppedBecause;
  summary.queries += builder.queries();
  summary.durationMs = Math.round(performance.now() - startedAt);
  return summary;
}
