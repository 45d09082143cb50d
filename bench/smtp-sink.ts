// A local SMTP server that accepts and discards every message, in a process of its own so that its
// work is not counted against the sender's. Prints {"port": …} once listening. It counts messages
// per recipient: a line "report" on stdin prints {"messages", "recipients", "duplicates"} for the
// messages since the last report (duplicates: recipients who got more than one, a few of them).
import type { AddressInfo } from "node:net";
import { createInterface } from "node:readline";

import { SMTPServer } from "smtp-server";

let received = 0;
let perRecipient = new Map<string, number>();
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  size: 0,
  closeTimeout: 100,
  onData(stream, session, callback) {
    stream.on("data", () => {});
    // A message cut off before its end (an abandoned send, a dropped connection) never ends: not received.
    stream.on("end", () => {
      received++;
      for (const { address } of session.envelope.rcptTo) perRecipient.set(address, (perRecipient.get(address) ?? 0) + 1);
      callback();
    });
  },
});
server.listen(0, "127.0.0.1", () => {
  console.log(JSON.stringify({ port: (server.server.address() as AddressInfo).port }));
});
createInterface({ input: process.stdin }).on("line", (line) => {
  if (line.trim() !== "report") return;
  const counts = [...perRecipient.values()];
  const duplicates = [...perRecipient].filter(([, count]) => count > 1).slice(0, 5);
  console.log(JSON.stringify({ messages: counts.reduce((sum, count) => sum + count, 0), recipients: counts.length, duplicates }));
  perRecipient = new Map();
});
process.on("SIGTERM", () => {
  console.error(`[sink] ${received} messages`);
  server.close(() => process.exit(0));
});
