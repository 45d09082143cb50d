import "server-only";

import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";

import { env } from "@/lib/env";
import { acceptedByOutbox } from "@/lib/mail/outbox-accepted";
import { sendMailOnRelease } from "@/lib/mail/send-mail";

import { createDigestBuilder } from "./build-digests";
import { createDigestComposer } from "./compose-digest-message";
import { sendOnceReleased, type RetryPolicy, type SendMail, type SendMailOnRelease } from "./send-with-retry";

export type DigestRunOptions = {
  /** The run's clock starts here (tests move it); it decides who is due and which papers are new. */
  now?: Date;
  /** No new batch is started after this long; what is left is for the next run. */
  deadlineMs?: number;
  /** Subscribers scanned, and deliveries claimed and built, per batch. */
  batchSize?: number;
  /** Messages in flight at once over the one pooled transport. */
  concurrency?: number;
  /** How long a claim is this run's alone, should it stop without its heartbeat stopping too. */
  leaseMs?: number;
  /**
   * How a digest is handed over, holding back its end until its `sending` mark is written (the
   * app's mailer by default), so that the mark is written while the message travels.
   */
  sendOnRelease?: SendMailOnRelease;
  /** A plain send instead, called only once the mark is written. */
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
  /**
   * Which of these Message-IDs the mail server accepted, where the mail setup can tell (the outbox,
   * an SMTP server's log, a test's sink). A digest a dead run left `sending` is then sent again
   * exactly when the server never accepted it; without this, it is written off, so that it cannot
   * arrive twice. Defaults to the outbox when mail goes there.
   */
  acceptedMessageIds?: (messageIds: string[]) => Promise<Set<string>>;
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
  /**
   * False when the deadline or a mail server outage cut the run short, or when deliveries of a
   * period are still pending (held by another run, or due to be retried): call again.
   */
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

/** What one digest run knows and decides as it goes: its settings, clock, tallies and why it stops. */
export type DigestRun = ReturnType<typeof openDigestRun>;

export function openDigestRun(options: DigestRunOptions) {
  const settings = {
    ...DEFAULTS,
    ...options,
    sendOnRelease: options.sendOnRelease ?? (options.send ? sendOnceReleased(options.send) : sendMailOnRelease),
    concurrency: options.concurrency ?? env.SMTP_MAX_CONNECTIONS * 2,
    sendHour: options.sendHour ?? env.DIGEST_SEND_HOUR,
    acceptedMessageIds: options.acceptedMessageIds ?? (options.send || options.sendOnRelease || env.SMTP_URL ? null : acceptedByOutbox),
  };
  const startedAt = performance.now();
  const start = options.now ?? new Date();
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
  const run = {
    id: randomUUID(),
    settings,
    /** When the run started, on its own clock: who is due and which papers are new are decided at this instant. */
    start,
    clock: () => new Date(start.getTime() + (performance.now() - startedAt)),
    elapsedMs: () => performance.now() - startedAt,
    timeLeft: () => settings.deadlineMs - (performance.now() - startedAt),
    summary,
    builder: createDigestBuilder({ now: start }),
    compose: createDigestComposer({ appUrl: env.APP_URL, secret: env.APP_SECRET }),
    /** Errors of lanes or records: every lane stops, and the run fails once it let go of its claims. */
    failures: [] as unknown[],
    /** Temporary SMTP failures in a row; this many mean the mail server is down. */
    consecutiveTransient: 0,
    outageAfter: Math.max(5, settings.concurrency),
    /** Whether every due subscriber was scanned (the run did not stop before the end). */
    finishedClaiming: false,
    stopping: () => run.failures.length > 0 || summary.stoppedBecause !== null || run.timeLeft() <= 0,
  };
  return run;
}
