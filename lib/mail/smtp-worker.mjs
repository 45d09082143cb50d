// The pooled SMTP transport, on a thread of its own (see create-mailer.ts): composing a message's
// MIME and writing it to the server takes about a millisecond of CPU per email, which would
// otherwise compete with whatever builds the mail. Plain JavaScript, because it is loaded as it is
// by tsx, by vitest and from Next's bundle alike.
import { Readable } from "node:stream";
import { parentPort, workerData } from "node:worker_threads";

import nodemailer from "nodemailer";

const transport = nodemailer.createTransport(workerData.transport);
/** The HTML bodies of held messages (the last part of the message), waiting for their release. */
const held = new Map();

/**
 * A held message's HTML: read as soon as the part before it is written, then held open, and with
 * it the message's end, until the release arrives. Abandoned, it fails, and nodemailer drops the
 * connection mid-message, so the server never accepts it.
 */
function heldBody(id, html) {
  let asked = false;
  const body = new Readable({
    read() {
      if (asked) return;
      asked = true;
      parentPort.postMessage({ id, releaseWanted: true });
      this.push(html);
    },
  });
  held.set(id, body);
  return body;
}

parentPort.on("message", async (request) => {
  if (request.close) {
    transport.close();
    parentPort.close();
    return;
  }
  if ("release" in request) {
    const body = held.get(request.release);
    held.delete(request.release);
    if (request.go) body?.push(null);
    else body?.destroy(new Error("The message was abandoned before its end was sent."));
    return;
  }
  const mail = request.held ? { ...request.mail, html: heldBody(request.id, request.mail.html) } : request.mail;
  try {
    const info = await transport.sendMail(mail);
    parentPort.postMessage({ id: request.id, messageId: info.messageId });
  } catch (error) {
    // Only what the sender classifies a failure by crosses back: the text and the SMTP and nodemailer codes.
    const { message, responseCode, code } = error instanceof Error ? error : { message: String(error) };
    parentPort.postMessage({ id: request.id, error: { message, responseCode, code } });
  } finally {
    held.delete(request.id);
  }
});
