import { afterAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { createMailer } from "@/lib/mail/create-mailer";
import { getOutboxMessage } from "@/lib/mail/get-outbox-message";
import { listOutbox } from "@/lib/mail/list-outbox";
import type { MailMessage } from "@/lib/mail/mail-message";

import { startSmtpSink } from "../support/smtp-sink";

const sink = await startSmtpSink();
afterAll(() => sink.close());

const message = (to: string, index = 0): MailMessage => ({
  to,
  subject: `Your digest ${index} — ünïcode`,
  html: `<!doctype html><html><head></head><body><p>Hello <a href="http://localhost:3000/papers/2403.15706">paper</a></p></body></html>`,
  text: "Hello\n\npaper <http://localhost:3000/papers/2403.15706>\n",
  listUnsubscribeUrl: "http://localhost:3000/api/subscriptions/unsubscribe?token=abc.def",
  messageId: `<digest.${index}.2026-W48@paperpulse.test>`,
  entityRefId: `digest-${index}`,
});

describe("createMailer over SMTP", () => {
  it("sends many messages through one bounded pool with the list, id and entity headers intact", async () => {
    const mailer = createMailer({ from: "PaperPulse <digest@paperpulse.test>", smtpUrl: sink.url, maxConnections: 2 });
    const results = await Promise.all(Array.from({ length: 12 }, (_, index) => mailer.send(message(`pool-${index}@example.org`, index))));
    mailer.close();
    expect(results.map((result) => result.messageId)).toEqual(
      Array.from({ length: 12 }, (_, index) => `<digest.${index}.2026-W48@paperpulse.test>`),
    );

    const received = await sink.waitForMessages(12);
    const mail = received.find((candidate) => candidate.messageId === "<digest.3.2026-W48@paperpulse.test>")!;
    expect(mail.subject).toBe("Your digest 3 — ünïcode");
    expect(mail.text).toContain("paper <http://localhost:3000/papers/2403.15706>");
    expect(mail.html).toContain('<a href="http://localhost:3000/papers/2403.15706">paper</a>');
    const raw = (name: string) => mail.headerLines.find((line) => line.key === name)?.line;
    expect(raw("list-unsubscribe")).toBe("List-Unsubscribe: <http://localhost:3000/api/subscriptions/unsubscribe?token=abc.def>");
    expect(raw("list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    expect(raw("x-entity-ref-id")).toBe("X-Entity-Ref-ID: digest-3");
  });

  it("reports a refused recipient as a permanent failure with the SMTP code", async () => {
    const mailer = createMailer({ from: "digest@paperpulse.test", smtpUrl: sink.url });
    sink.rejectNextRecipient(550);
    await expect(mailer.send(message("gone@example.org"))).rejects.toMatchObject({
      name: "MailDeliveryError",
      permanent: true,
      responseCode: 550,
    });
    sink.rejectNextRecipient(451);
    await expect(mailer.send(message("later@example.org"))).rejects.toMatchObject({ permanent: false, responseCode: 451 });
    mailer.close();
  });
});

describe("createMailer's held sends", () => {
  it("sends a message only once it is released, and never one that is abandoned", async () => {
    const mailer = createMailer({ from: "PaperPulse <digest@paperpulse.test>", smtpUrl: sink.url, maxConnections: 2 });
    const before = sink.messages.length;
    let asked = 0;
    let release: (go: boolean) => void = () => {};
    const decided = new Promise<boolean>((resolve) => (release = resolve));
    const held = mailer.sendOnRelease(message("held@example.org", 40), () => (asked++, decided));
    const abandoned = mailer.sendOnRelease(message("abandoned@example.org", 41), async () => false);
    await expect(abandoned).rejects.toMatchObject({ name: "MailAbandonedError" });

    // The release is asked for once the rest of the message is on its way; until then nothing arrives.
    while (asked === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sink.messages.length).toBe(before);
    release(true);
    expect((await held).messageId).toBe("<digest.40.2026-W48@paperpulse.test>");
    const received = await sink.waitForMessages(before + 1);
    expect(received.slice(before).map((mail) => mail.messageId)).toEqual(["<digest.40.2026-W48@paperpulse.test>"]);
    expect(received.at(-1)!.html).toContain('<a href="http://localhost:3000/papers/2403.15706">paper</a>');
    expect(asked).toBe(1);

    // The pool goes on after an abandoned message, whose connection it dropped.
    await mailer.sendOnRelease(message("after@example.org", 42), async () => true);
    await sink.waitForMessages(before + 2);
    expect(sink.messages.some((mail) => mail.messageId === "<digest.41.2026-W48@paperpulse.test>")).toBe(false);
    mailer.close();
  });

  it("reports a refused recipient as a permanent failure, whether or not its release was asked for", async () => {
    // nodemailer may start reading the body before the server has answered RCPT TO, so either can happen.
    const mailer = createMailer({ from: "digest@paperpulse.test", smtpUrl: sink.url });
    sink.rejectNextRecipient(550);
    await expect(mailer.sendOnRelease(message("gone-held@example.org", 43), async () => true)).rejects.toMatchObject({
      permanent: true,
      responseCode: 550,
    });
    expect(sink.messages.some((mail) => mail.messageId === "<digest.43.2026-W48@paperpulse.test>")).toBe(false);
    mailer.close();
  });
});

describe("createMailer without SMTP", () => {
  it("keeps the complete message in the outbox, listed newest first with its headers and links", async () => {
    const recipient = `outbox-${Date.now()}@example.org`;
    const mailer = createMailer({ from: "PaperPulse <digest@paperpulse.test>" });
    const first = await mailer.send(message(recipient, 1));
    await mailer.send(message(recipient, 2));

    const page = await listOutbox({ limit: 2 });
    expect(page.messages.map((entry) => entry.subject)).toEqual(["Your digest 2 — ünïcode", "Your digest 1 — ünïcode"]);
    const older = await listOutbox({ before: page.messages[1]!.id, limit: 1 });
    expect(older.messages.every((entry) => entry.id < page.messages[1]!.id)).toBe(true);

    const row = await db.outboxMessage.findFirstOrThrow({ where: { messageId: first.messageId }, select: { id: true } });
    const stored = await getOutboxMessage(row.id);
    expect(stored?.recipient).toBe(recipient);
    const header = (name: string) => stored?.headers.find((entry) => entry.name.toLowerCase() === name)?.value;
    expect(header("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    expect(header("message-id")).toBe("<digest.1.2026-W48@paperpulse.test>");
    expect(header("subject")).toMatch(/^=\?UTF-8\?/);
    expect(stored?.links).toEqual([{ label: "paper", url: "http://localhost:3000/papers/2403.15706" }]);
    await db.outboxMessage.deleteMany({ where: { recipient } });
  });

  it("writes a held message to the outbox only once it is released", async () => {
    const recipient = `outbox-held-${Date.now()}@example.org`;
    const mailer = createMailer({ from: "PaperPulse <digest@paperpulse.test>" });
    await expect(mailer.sendOnRelease(message(recipient, 5), async () => false)).rejects.toMatchObject({ name: "MailAbandonedError" });
    expect(await db.outboxMessage.count({ where: { recipient } })).toBe(0);
    await mailer.sendOnRelease(message(recipient, 6), async () => true);
    expect(await db.outboxMessage.count({ where: { recipient } })).toBe(1);
    await db.outboxMessage.deleteMany({ where: { recipient } });
  });
});
