// A real SMTP server on 127.0.0.1 that keeps every message it receives, parsed by mailparser.
import type { AddressInfo } from "node:net";

import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type SmtpSink = {
  url: string;
  messages: ParsedMail[];
  /** Resolves once `count` messages in all have arrived. */
  waitForMessages(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  /** Answers the next RCPT TO with this SMTP code (e.g. 550) instead of accepting it. */
  rejectNextRecipient(code: number): void;
  close(): Promise<void>;
};

/** Listens on `port`, or any free port when none is given. */
export async function startSmtpSink(port = 0): Promise<SmtpSink> {
  const messages: ParsedMail[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  let rejectCode: number | null = null;

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (rejectCode === null) return callback();
      const error = Object.assign(new Error("Mailbox unavailable"), { responseCode: rejectCode });
      rejectCode = null;
      callback(error);
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          messages.push(parsed);
          for (const waiter of waiters.filter((waiter) => messages.length >= waiter.count)) waiter.resolve();
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.server.address() as AddressInfo;
  // A sender that abandons a message mid-transaction (a held send) resets its connection.
  server.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "ECONNRESET") throw error;
  });

  return {
    url: `smtp://127.0.0.1:${address.port}`,
    messages,
    waitForMessages(count, timeoutMs = 10_000) {
      if (messages.length >= count) return Promise.resolve(messages);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`Expected ${count} messages, got ${messages.length}`)), timeoutMs);
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve(messages);
          },
        });
      });
    },
    rejectNextRecipient(code) {
      rejectCode = code;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
