import { setTimeout as sleep } from "node:timers/promises";

import type { Release } from "@/lib/mail/create-mailer";
import { MailAbandonedError, MailDeliveryError } from "@/lib/mail/mail-delivery-error";
import type { MailMessage, SentMail } from "@/lib/mail/mail-message";

export type SendMail = (message: MailMessage) => Promise<SentMail>;
/** A send that holds back the message's end until `release()` resolves true (see Mailer.sendOnRelease). */
export type SendMailOnRelease = (message: MailMessage, release: Release) => Promise<SentMail>;

/** A plain send as a held one: the message is handed over only once released. */
export function sendOnceReleased(send: SendMail): SendMailOnRelease {
  return async (message, release) => {
    if (!(await release())) throw new MailAbandonedError(message.messageId);
    return send(message);
  };
}

export type SendOutcome =
  | { kind: "sent"; messageId: string }
  /** The server refused the message for good (5xx), or the address cannot be sent to. */
  | { kind: "permanent"; reason: string; hardBounce: boolean }
  /** A 4xx answer, a refused or dropped connection, a timeout: worth trying again later. */
  | { kind: "transient"; reason: string }
  /** Held back and never released (see SendMailOnRelease): nothing was sent. */
  | { kind: "abandoned" };

export type RetryPolicy = { attempts: number; backoffMs: number };

/**
 * Hands a message to the mail server, trying a temporary failure again after `backoffMs`, then
 * four times that, and so on, up to `attempts` tries in all. A permanent failure is not retried,
 * nor a message its sender abandoned.
 */
export async function sendWithRetry(send: SendMail, message: MailMessage, policy: RetryPolicy): Promise<SendOutcome> {
  let outcome: SendOutcome = { kind: "transient", reason: "not attempted" };
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    try {
      const sent = await send(message);
      return { kind: "sent", messageId: sent.messageId };
    } catch (error) {
      if (error instanceof MailAbandonedError) return { kind: "abandoned" };
      outcome = classify(error);
      if (outcome.kind === "permanent" || attempt === policy.attempts) return outcome;
      await sleep(policy.backoffMs * 4 ** (attempt - 1) * (0.75 + Math.random() / 2));
    }
  }
  return outcome;
}

export function classify(error: unknown): Exclude<SendOutcome, { kind: "sent" | "abandoned" }> {
  const reason = (error instanceof Error ? error.message : String(error)).slice(0, 500);
  if (error instanceof MailDeliveryError && error.permanent) return { kind: "permanent", reason, hardBounce: true };
  // nodemailer refuses an envelope it cannot use before talking to any server.
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  if (cause?.code === "EENVELOPE" && !(error instanceof MailDeliveryError && error.responseCode)) {
    return { kind: "permanent", reason, hardBounce: false };
  }
  return { kind: "transient", reason };
}
