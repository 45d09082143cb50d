// A real SMTP server on 127.0.0.1 whose answers a test can script per recipient (a 550 for a dead
// mailbox, a 451 the first time), on a port of the test's choosing (to bring a "down" server up).
import type { AddressInfo } from "node:net";

import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type RecipientAnswer = (address: string) => number | null;

export type ScriptedSmtp = {
  url: string;
  port: number;
  messages: ParsedMail[];
  /** Messages received per recipient address. */
  countFor(address: string): number;
  waitForMessages(count: number, timeoutMs?: number): Promise<void>;
  /** Decides the RCPT TO answer: a code to refuse with, or null to accept. */
  answer: { current: RecipientAnswer };
  close(): Promise<void>;
};

export async function startScriptedSmtp(port = 0): Promise<ScriptedSmtp> {
  const messages: ParsedMail[] = [];
  const answer = { current: (() => null) as RecipientAnswer };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    // Pooled clients keep connections open; a test's end should not wait for them.
    closeTimeout: 100,
    onRcptTo(address, _session, callback) {
      const code = answer.current(address.address);
      if (code === null) return callback();
      callback(Object.assign(new Error(code >= 500 ? "5.1.1 Mailbox does not exist" : "4.7.1 Try again later"), { responseCode: code }));
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          messages.push(parsed);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const boundPort = (server.server.address() as AddressInfo).port;
  // A client killed mid-conversation (the crash tests SIGKILL digest runs) resets its connections.
  server.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "ECONNRESET") throw error;
  });

  return {
    url: `smtp://127.0.0.1:${boundPort}`,
    port: boundPort,
    messages,
    answer,
    countFor: (address) =>
      messages.filter((message) => message.to && "value" in message.to && message.to.value.some((to) => to.address === address)).length,
    async waitForMessages(count, timeoutMs = 20_000) {
      const until = Date.now() + timeoutMs;
      while (messages.length < count) {
        if (Date.now() > until) throw new Error(`Expected ${count} messages, got ${messages.length}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
