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
 * Retries the queued mail that is due. Rows are locked with SKIP LOCKED, so several instances (or
 * an overlapping run) share the queue without sending anything twice.
 */
export async function sendQueuedMail(send: Send = sendMail): Promise<QueueRun> {
  const run: QueueRun = { sent: 0, retrying: 0, dropped: 0 };
  await db.$transaction(
    async (tx) => {
      const due = await tx.$queryRaw<{ id: number; message: MailMessage; attempts: number }[]>`
        SELECT id, message, attempts FROM mail_queue
        WHERE next_attempt_at <= now()
        ORDER BY next_attempt_at
        LIMIT ${RETRY_BATCH}
        FOR UPDATE SKIP LOCKED`;
      for (const item of due) {
        try {
          await send(item.message);
          await tx.mailQueueItem.delete({ where: { id: item.id } });
          run.sent++;
        } catch (error) {
          if (!(error instanceof MailDeliveryError)) throw error;
          const attempts = item.attempts + 1;
          if (error.permanent || attempts > MAX_ATTEMPTS) {
            console.error(`Dropping queued mail ${item.id} after ${item.attempts} attempts: ${error.message}`);
            await tx.mailQueueItem.delete({ where: { id: item.id } });
            run.dropped++;
          } else {
            await tx.mailQueueItem.update({
              where: { id: item.id },
              data: { attempts, nextAttemptAt: new Date(Date.now() + retryDelayMs(attempts)), lastError: error.message },
            });
            run.retrying++;
          }
        }
      }
    },
    // A batch of slow SMTP round trips must not hit Prisma's 5 s interactive-transaction default.
    { timeout: 5 * 60_000, maxWait: 10_000 },
  );
  return run;
}
