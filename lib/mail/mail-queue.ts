import "server-only";

import { db } from "@/lib/db";

import type { Mailer } from "./create-mailer";
import { MailDeliveryError } from "./mail-delivery-error";
import type { MailMessage } from "./mail-message";
import { sendMail } from "./send-mail";

/** Retries wait 1, 2, 4 … minutes, at most an hour, and stop after a day's worth of attempts. */
const MAX_ATTEMPTS = 30;
const RETRY_BATCH = 50;

export function retryDelayMs(attempts: number): number {
  return Math.min(60, 2 ** (attempts - 1)) * 60_000;
}

type Send = Mailer["send"];

/**
 * Sends a transactional email now or, when the SMTP server cannot take it (down, or a temporary
 * 4xx), keeps it for `sendQueuedMail` to retry: the person's request succeeds either way. A
 * permanent refusal (5xx, e.g. no such mailbox) is not retried.
 */
export async function sendOrQueueMail(message: MailMessage, send: Send = sendMail): Promise<"sent" | "queued" | "rejected"> {
  try {
    await send(message);
    return "sent";
  } catch (error) {
    if (!(error instanceof MailDeliveryError)) throw error;
    if (error.permanent) {
      console.error(`Mail to a subscriber was refused for good: ${error.message}`);
      return "rejected";
    }
    await db.mailQueueItem.create({
      data: { message, nextAttemptAt: new Date(Date.now() + retryDelayMs(1)), lastError: error.message },
      select: { id: true },
    });
    return "queued";
  }
}

export type QueueRun = { sent: number; retrying: number; dropped: number };

/**
 * How long a drain holds the mail it claimed. It stops starting sends well before the end (one
 * message takes at most about a minute: the transport's connection, greeting and socket timeouts),
 * so no other drain can claim a message while this one may still be sending it.
 */
const LEASE_MS = 15 * 60_000;
const LAST_SEND_BEFORE_LEASE_ENDS_MS = 2 * 60_000;

/**
 * Retries the queued mail that is due. A drain claims a batch in one statement by moving its next
 * attempt a lease ahead (SKIP LOCKED, so concurrent drains claim different rows), then sends
 * outside any transaction: no connection is held across SMTP round trips. Each message is then
 * deleted, or rescheduled with backoff; what the drain does not get to becomes due again when the
 * lease ends. Several instances, or overlapping runs, share the queue and send each message once.
 */
export async function sendQueuedMail(send: Send = sendMail): Promise<QueueRun> {
  const run: QueueRun = { sent: 0, retrying: 0, dropped: 0 };
  const leaseEnds = Date.now() + LEASE_MS;
  const claimed = await db.$queryRaw<{ id: number; message: MailMessage; attempts: number }[]>`
    UPDATE mail_queue AS q SET next_attempt_at = ${new Date(leaseEnds)}
    FROM (
      SELECT id FROM mail_queue WHERE next_attempt_at <= now()
      ORDER BY next_attempt_at LIMIT ${RETRY_BATCH}
      FOR UPDATE SKIP LOCKED
    ) due
    WHERE q.id = due.id
    RETURNING q.id, q.message, q.attempts`;
  let next = 0;
  try {
    for (; next < claimed.length && Date.now() < leaseEnds - LAST_SEND_BEFORE_LEASE_ENDS_MS; next++) {
      await retry(claimed[next]!, send, run);
    }
  } finally {
    // What this drain will not get to is due again at once, not when the lease ends.
    const rest = claimed.slice(next).map((item) => item.id);
    if (rest.length > 0) await db.$executeRaw`UPDATE mail_queue SET next_attempt_at = now() WHERE id = ANY(${rest}::int[])`;
  }
  return run;
}

/** One claimed message: sent and deleted, or rescheduled with backoff, or dropped for good. */
async function retry(item: { id: number; message: MailMessage; attempts: number }, send: Send, run: QueueRun): Promise<void> {
  try {
    await send(item.message);
    await db.mailQueueItem.delete({ where: { id: item.id } });
    run.sent++;
  } catch (error) {
    if (!(error instanceof MailDeliveryError)) throw error;
    const attempts = item.attempts + 1;
    if (error.permanent || attempts > MAX_ATTEMPTS) {
      console.error(`Dropping queued mail ${item.id} after ${item.attempts} attempts: ${error.message}`);
      await db.mailQueueItem.delete({ where: { id: item.id } });
      run.dropped++;
    } else {
      await db.mailQueueItem.update({
        where: { id: item.id },
        data: { attempts, nextAttemptAt: new Date(Date.now() + retryDelayMs(attempts)), lastError: error.message },
      });
      run.retrying++;
    }
  }
}
