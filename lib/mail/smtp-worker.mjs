// The pooled SMTP transport, on a thread of its own (see create-mailer.ts): composing a message's
// MIME and writing it to the server takes about a millisecond of CPU per email, which would
// otherwise compete with whatever builds the mail. Plain JavaScript, because it is loaded as it is
// by tsx, by vitest and from Next's bundle alike.
import { parentPort, workerData } from "node:worker_threads";

import nodemailer from "nodemailer";

const transport = nodemailer.createTransport(workerData.transport);

parentPort.on("message", async (request) => {
  if (request.close) {
    transport.close();
    parentPort.close();
    return;
  }
  try {
    const info = await transport.sendMail(request.mail);
    parentPort.postMessage({ id: request.id, messageId: info.messageId });
  } catch (error) {
    // Only what the sender classifies a failure by crosses back: the text and the SMTP and nodemailer codes.
    const { message, responseCode, code } = error instanceof Error ? error : { message: String(error) };
    parentPort.postMessage({ id: request.id, error: { message, responseCode, code } });
  }
});
