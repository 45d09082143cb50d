// A local SMTP server that accepts and discards every message, in a process of its own so that its
// work is not counted against the sender's. Prints {"port": …} once listening.
import type { AddressInfo } from "node:net";

import { SMTPServer } from "smtp-server";

let received = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  size: 0,
  closeTimeout: 100,
  onData(stream, _session, callback) {
    stream.on("data", () => {});
    stream.on("end", () => {
      received++;
      callback();
    });
  },
});
server.listen(0, "127.0.0.1", () => {
  console.log(JSON.stringify({ port: (server.server.address() as AddressInfo).port }));
});
process.on("SIGTERM", () => {
  console.error(`[sink] ${received} messages`);
  server.close(() => process.exit(0));
});
