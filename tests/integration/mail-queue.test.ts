import { setTimeout as sleep } from "node:timers/promises";

import { afterAll, describe, expect, it } from "vitest";

import { freePort } from "../support/free-port";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink";

// SMTP_URL points at a port where nothing listens yet: the mail server is down.
const port = await freePort();
process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;

const { db } = await import("@/lib/db");
const { closeMailer, sendMail } = await import("@/lib/mail/send-mail");
const { retryDelayMs, sendQueuedMail } = await import("@/lib/mail/mail-queue");
const { subscribe } = await import("@/lib/subscribers/subscribe");
const { afterResponseWorkDone } = await import("@/lib/http/run-after-response");
const { subscriptionSchema } = await import("@/lib/subscribers/subscription-input");

let sink: SmtpSink | undefined;

afterAll(async () => {
  closeMailer();
  await sink?.close();
  await db.mailQueueItem.deleteMany();
});

const makeDue = () => db.mailQueueItem.updateMany({ data: { nextAttemptAt: new Date(Date.now() - 1000) } });

describe("mail while the SMTP server is down", () => {
  const email = `queued-${Date.now()}@example.org`;

  it("still takes the subscription and keeps its confirmation email for later", async () => {
    await subscribe(subscriptionSchema.parse({ email, topics: ["diffusion"] }), { ip: "192.0.2.10" });
    await afterResponseWorkDone(); // subscribing answers first and works after
    const subscriber = await db.subscriber.findUniqueOrThrow({ where: { email } });
    expect(subscriber.status).toBe("pending");
    const [item] = await db.mailQueueItem.findMany();
    expect(item).toMatchObject({ attempts: 1, message: expect.objectContaining({ to: email }) });
    expect(item!.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(item!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
  });

  it("retries with growing delays while the server stays down", async () => {
    await makeDue();
    expect(await sendQueuedMail()).toEqual({ sent: 0, retrying: 1, dropped: 0 });
    const item = await db.mailQueueItem.findFirstOrThrow();
    expect(item.attempts).toBe(2);
    expect(item.nextAttemptAt.getTime() - Date.now()).toBeGreaterThan(retryDelayMs(1));
    expect(retryDelayMs(10)).toBe(60 * 60_000);
  });

  it("delivers the confirmation once the server is back, exactly once", async () => {
    sink = await startSmtpSink(port);
    await makeDue();
    const [first, second] = await Promise.all([sendQueuedMail(), sendQueuedMail()]);
    expect(first.sent + second.sent).toBe(1);
    const [mail] = await sink.waitForMessages(1);
    expect(mail!.to && "text" in mail!.to ? mail!.to.text : "").toBe(email);
    expect(mail!.subject).toMatch(/confirm/i);
    expect(mail!.text).toMatch(/http:\/\/localhost:3000\/subscribe\/confirm\?token=/);
    expect(await db.mailQueueItem.count()).toBe(0);
    expect(await sendQueuedMail()).toEqual({ sent: 0, retrying: 0, dropped: 0 });
  });

  it("gives up on an address the server refuses for good", async () => {
    await subscribe(subscriptionSchema.parse({ email: `bounce-${Date.now()}@example.org` }), { ip: "192.0.2.11" });
    await afterResponseWorkDone();
    await sink!.waitForMessages(2);
    await db.mailQueueItem.create({
      data: {
        message: { to: "nobody@example.org", subject: "s", html: "<p>h</p>", text: "t" },
        nextAttemptAt: new Date(0),
        lastError: "down",
      },
    });
    sink!.rejectNextRecipient(550);
    expect(await sendQueuedMail()).toEqual({ sent: 0, retrying: 0, dropped: 1 });
    expect(await db.mailQueueItem.count()).toBe(0);
  });
});

describe("queue drains", () => {
  it("two drains at once send each queued mail once, and hold no transaction open while they talk to the server", async () => {
    const addresses = Array.from({ length: 80 }, (_, index) => `drain-${index}-${Date.now()}@example.org`);
    await db.mailQueueItem.createMany({
      data: addresses.map((to) => ({
        message: { to, subject: "s", html: "<p>h</p>", text: "t" },
        nextAttemptAt: new Date(0),
        lastError: "down",
      })),
    });
    const openTransactions: number[] = [];
    const watchedSend = async (message: Parameters<typeof sendMail>[0]) => {
      const [row] = await db.$queryRaw<{ open: number }[]>`
        SELECT count(*)::int AS open FROM pg_stat_activity
        WHERE datname = current_database() AND state LIKE 'idle in transaction%'`;
      openTransactions.push(row!.open);
      await sleep(10);
      return sendMail(message);
    };
    const before = sink!.messages.length;

    const [first, second] = await Promise.all([sendQueuedMail(watchedSend), sendQueuedMail(watchedSend)]);

    expect(first.sent + second.sent).toBe(addresses.length);
    expect(first.sent).toBeGreaterThan(0);
    expect(second.sent).toBeGreaterThan(0);
    const received = sink!.messages.slice(before).map((mail) => (mail.to && "text" in mail.to ? mail.to.text : ""));
    expect(received.sort()).toEqual([...addresses].sort());
    expect(openTransactions.every((open) => open === 0)).toBe(true);
    expect(await db.mailQueueItem.count()).toBe(0);
  });
});

describe("POST /api/cron/mail", () => {
  it("refuses without the cron secret and runs the queue with it", async () => {
    const { POST } = await import("@/app/api/cron/mail/route");
    const refused = await POST(new Request("http://localhost/api/cron/mail", { method: "POST" }), undefined);
    expect(refused.status).toBe(401);
    const ran = await POST(
      new Request("http://localhost/api/cron/mail", { method: "POST", headers: { authorization: `Bearer ${process.env.CRON_SECRET}` } }),
      undefined,
    );
    expect(ran.status).toBe(200);
    expect(await ran.json()).toEqual({ sent: 0, retrying: 0, dropped: 0 });
  });
});
