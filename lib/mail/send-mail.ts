import "server-only";

import { env } from "@/lib/env";

import { createMailer, type Mailer, type Release } from "./create-mailer";
import type { MailMessage, SentMail } from "./mail-message";

// One transport per process (kept across dev reloads), so its SMTP pool is shared by every sender.
const globalForMail = globalThis as unknown as { mailer?: Mailer };

function mailer(): Mailer {
  globalForMail.mailer ??= createMailer({
    from: env.MAIL_FROM,
    smtpUrl: env.SMTP_URL,
    maxConnections: env.SMTP_MAX_CONNECTIONS,
  });
  return globalForMail.mailer;
}

/** The one way PaperPulse sends mail: over SMTP_URL, or into the outbox table when it is unset. */
export function sendMail(message: MailMessage): Promise<SentMail> {
  return mailer().send(message);
}

/** sendMail, holding back the message's end until `release()` resolves true (see Mailer.sendOnRelease). */
export function sendMailOnRelease(message: MailMessage, release: Release): Promise<SentMail> {
  return mailer().sendOnRelease(message, release);
}

/** Closes the pooled SMTP connections, for scripts and tests that end the process cleanly. */
export function closeMailer(): void {
  globalForMail.mailer?.close();
  globalForMail.mailer = undefined;
}
