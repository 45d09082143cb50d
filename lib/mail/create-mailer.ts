import "server-only";

import { Worker } from "node:worker_threads";

import nodemailer, { type Mail } from "nodemailer";

import { db } from "@/lib/db";

import { MailAbandonedError, MailDeliveryError } from "./mail-delivery-error";
import type { MailMessage, SentMail } from "./mail-message";

/** Decides, once the rest of a held message is sent, whether its end follows: true sends it, false abandons it. */
export type Release = () => Promise<boolean>;

export type Mailer = {
  send(message: MailMessage): Promise<SentMail>;
  /**
   * Sends `message` but holds back its end, without which no mail server accepts it, until
   * `release()` (called once the rest is on its way) resolves true. False, or a failure, abandons
   * the message: the server never accepts it, and the send fails with MailAbandonedError. What
   * must be written before a message may arrive is written while it travels.
   */
  sendOnRelease(message: MailMessage, release: Release): Promise<SentMail>;
  /** Closes pooled connections; the mailer must not be used afterwards. */
  close(): void;
};

type MailerOptions = { from: string; smtpUrl?: string; maxConnections?: number };

/**
 * With an SMTP URL: one pooled transport that reuses at most `maxConnections` connections.
 * Without: the same nodemailer message is built in memory and kept in the `outbox` table.
 */
export function createMailer(options: MailerOptions): Mailer {
  return options.smtpUrl ? smtpMailer(options.smtpUrl, options) : outboxMailer(options);
}

/**
 * The pooled transport runs on a worker thread (smtp-worker.mjs), so composing and writing each
 * message's MIME does not hold up the thread that builds the next ones. The thread starts with the
 * first message, keeps the process alive only while messages are in flight, and is started again
 * should it die (the messages it held fail as temporary errors).
 */
function smtpMailer(url: string, options: MailerOptions): Mailer {
  const transport = {
    url,
    pool: true,
    maxConnections: options.maxConnections ?? 5,
    maxMessages: 100,
    // nodemailer's defaults (minutes) would hold a web request open long after anyone waits.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  };
  const pending = new Map<number, { resolve: (sent: SentMail) => void; reject: (error: MailDeliveryError) => void; release?: Release }>();
  let worker: Worker | null = null;
  let nextId = 0;

  function start(): Worker {
    const started = new Worker(new URL("./smtp-worker.mjs", import.meta.url), { workerData: { transport } });
    started.on("message", (reply: SmtpReply) => {
      const request = pending.get(reply.id);
      if ("releaseWanted" in reply) {
        const release = request?.release ?? (async () => false);
        void release()
          .catch(() => false)
          .then((go) => started.postMessage({ release: reply.id, go }));
        return;
      }
      pending.delete(reply.id);
      if (pending.size === 0) started.unref();
      if (!request) return;
      if ("messageId" in reply) request.resolve({ messageId: reply.messageId });
      else request.reject(deliveryError(Object.assign(new Error(reply.error.message), reply.error)));
    });
    const fail = (error: unknown) => {
      if (worker === started) worker = null;
      for (const request of pending.values()) request.reject(deliveryError(error));
      pending.clear();
    };
    started.on("error", fail);
    started.on("exit", (code) => fail(new Error(`The SMTP thread exited with code ${code}.`)));
    return started;
  }

  function post(message: MailMessage, release?: Release): Promise<SentMail> {
    worker ??= start();
    worker.ref();
    const id = nextId++;
    const sent = new Promise<SentMail>((resolve, reject) => pending.set(id, { resolve, reject, release }));
    worker.postMessage({ id, mail: toNodemailer(message, options.from), held: release !== undefined });
    return sent;
  }

  return {
    send: (message) => post(message),
    async sendOnRelease(message, release) {
      let released: Promise<boolean> | null = null;
      const once = () => (released ??= release().catch(() => false));
      try {
        return await post(message, once);
      } catch (error) {
        // Refused before its end (the release was never asked for) or abandoned: only the release says which.
        if (released && !(await released)) throw new MailAbandonedError(message.messageId);
        throw error;
      }
    },
    close() {
      worker?.postMessage({ close: true });
      worker = null;
    },
  };
}

type SmtpReply =
  | { id: number; messageId: string }
  | { id: number; error: { message: string; responseCode?: number; code?: string } }
  /** A held message is sent up to its end: the thread waits for `{ release: id, go }`. */
  | { id: number; releaseWanted: true };

function outboxMailer(options: MailerOptions): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
  const mailer: Mailer = {
    async send(message) {
      const info = await transport.sendMail(toNodemailer(message, options.from));
      await db.outboxMessage.create({
        data: {
          messageId: info.messageId,
          recipient: message.to,
          subject: message.subject,
          html: message.html,
          text: message.text,
          // `buffer: true` makes the message a Buffer.
          raw: info.message.toString(),
        },
        select: { id: true },
      });
      return { messageId: info.messageId };
    },
    // The outbox row is the message's arrival, so it is written only once released.
    async sendOnRelease(message, release) {
      if (!(await release().catch(() => false))) throw new MailAbandonedError(message.messageId);
      return mailer.send(message);
    },
    close: () => transport.close(),
  };
  return mailer;
}

function toNodemailer(message: MailMessage, from: string): Mail.Options {
  const headers: Record<string, { prepared: true; value: string }> = {};
  // Prepared: nodemailer must not re-encode or fold these; receivers match them literally.
  if (message.listUnsubscribeUrl) {
    headers["List-Unsubscribe"] = { prepared: true, value: `<${message.listUnsubscribeUrl}>` };
    headers["List-Unsubscribe-Post"] = { prepared: true, value: "List-Unsubscribe=One-Click" };
  }
  if (message.entityRefId) headers["X-Entity-Ref-ID"] = { prepared: true, value: message.entityRefId };
  return {
    from,
    to: message.to,
    subject: message.subject,
    html: message.html,
    text: message.text,
    messageId: message.messageId,
    headers,
  };
}

function deliveryError(error: unknown): MailDeliveryError {
  const responseCode =
    typeof error === "object" && error !== null && "responseCode" in error && typeof error.responseCode === "number"
      ? error.responseCode
      : undefined;
  const reason = error instanceof Error ? error.message : String(error);
  return new MailDeliveryError(`SMTP delivery failed: ${reason}`, responseCode, { cause: error });
}
