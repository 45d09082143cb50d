import { setTimeout as sleep } from "node:timers/promises";

import { describe, expect, it } from "vitest";

import { digestRunFixtures, later } from "../support/digest-run-fixtures";
import { freePort } from "../support/free-port";

const { db } = await import("@/lib/db");
const { runDigest } = await import("@/lib/digest/run-digest");

const { sink, mailerFor, audience } = digestRunFixtures(db);

const statusesOf = async (ids: number[]) =>
  db.digestDelivery.findMany({
    where: { subscriberId: { in: ids } },
    select: { subscriberId: true, status: true, lastError: true, attempts: true },
  });

describe("exactly once", () => {
  it("two runs at the same time share the work and send each digest once", async () => {
    const now = new Date("2030-02-04T09:00:00Z");
    const smtp = await sink();
    const readers = await audience(40, now);
    const [first, second] = await Promise.all(
      [mailerFor(smtp.url), mailerFor(smtp.url)].map((mailer) => runDigest({ now, sendOnRelease: mailer.sendOnRelease, batchSize: 5 })),
    );

    for (const reader of readers) expect(smtp.countFor(reader.email)).toBe(1);
    expect(first!.sent + second!.sent).toBe(smtp.messages.length);
    expect(first!.due + second!.due).toBe(await db.digestDelivery.count({ where: { claimedAt: now } }));
  });

  it("a run cut short by its deadline hands back what it did not send, and the next run sends only that", async () => {
    const now = new Date("2030-02-05T09:00:00Z");
    const smtp = await sink();
    const mailer = mailerFor(smtp.url);
    const readers = await audience(30, now);
    const slowSend: typeof mailer.send = async (message) => {
      await sleep(150);
      return mailer.send(message);
    };

    const cut = await runDigest({ now, send: slowSend, concurrency: 2, batchSize: 10, deadlineMs: 1_500 });
    expect(cut).toMatchObject({ complete: false, stoppedBecause: expect.stringContaining("deadline") });
    const sentFirst = readers.filter((reader) => smtp.countFor(reader.email) === 1).length;
    expect(sentFirst).toBeGreaterThan(0);
    expect(sentFirst).toBeLessThan(readers.length);

    const rest = await runDigest({ now: later(now, 1), send: mailer.send });
    expect(rest.complete).toBe(true);
    for (const reader of readers) expect(smtp.countFor(reader.email)).toBe(1);
    expect((await statusesOf(readers.map((reader) => reader.id))).every((row) => row.status === "sent")).toBe(true);
  });
});

describe("mail server faults", () => {
  it("retries a temporary refusal within the run", async () => {
    const now = new Date("2030-02-07T09:00:00Z");
    const smtp = await sink();
    const readers = await audience(4, now);
    const refused = new Set<string>();
    smtp.answer.current = (address) => {
      if (refused.has(address)) return null;
      refused.add(address);
      return 451;
    };
    const summary = await runDigest({ now, send: mailerFor(smtp.url).send, retry: { attempts: 3, backoffMs: 5 } });
    expect(summary.deferred).toBe(0);
    for (const reader of readers) expect(smtp.countFor(reader.email)).toBe(1);
    expect((await statusesOf(readers.map((reader) => reader.id))).map((row) => row.attempts)).toEqual([1, 1, 1, 1]);
  });

  it("stops when the server is down, keeps the deliveries for later, and sends them once it is back", async () => {
    const now = new Date("2030-02-08T09:00:00Z");
    const port = await freePort();
    const mailer = mailerFor(`smtp://127.0.0.1:${port}`);
    const readers = await audience(12, now);
    const ids = readers.map((reader) => reader.id);

    const down = await runDigest({ now, sendOnRelease: mailer.sendOnRelease, concurrency: 2, retry: { attempts: 2, backoffMs: 5 } });
    expect(down).toMatchObject({ sent: 0, failed: 0, complete: false, stoppedBecause: expect.stringContaining("unavailable") });
    expect(down.deferred).toBeGreaterThanOrEqual(5);
    const waiting = await statusesOf(ids);
    expect(waiting.every((row) => row.status === "claimed")).toBe(true);
    expect(waiting.filter((row) => row.attempts === 1).every((row) => /ECONNREFUSED|connect/i.test(row.lastError ?? ""))).toBe(true);

    const smtp = await sink(port);
    // Deliveries that were never tried go at once; those that failed wait out their backoff (5 minutes).
    await runDigest({ now: later(now, 1), send: mailer.send });
    const tried = waiting.filter((row) => row.attempts === 1).map((row) => row.subscriberId);
    for (const reader of readers) expect(smtp.countFor(reader.email)).toBe(tried.includes(reader.id) ? 0 : 1);
    await runDigest({ now: later(now, 6), send: mailer.send });
    for (const reader of readers) expect(smtp.countFor(reader.email)).toBe(1);
    expect((await statusesOf(ids)).every((row) => row.status === "sent")).toBe(true);
  });

  it("fails a permanently refused address with the reason, counts the bounce, and carries on with the others", async () => {
    const now = new Date("2030-02-10T09:00:00Z");
    const smtp = await sink();
    smtp.answer.current = (address) => (address.startsWith("bounce") ? 550 : null);
    const [bouncing] = await audience(1, now, "bounce");
    const fine = await audience(3, now);

    const summary = await runDigest({ now, send: mailerFor(smtp.url).send });
    expect(summary.failed).toBeGreaterThanOrEqual(1);
    for (const reader of fine) expect(smtp.countFor(reader.email)).toBe(1);
    const [row] = await statusesOf([bouncing!.id]);
    expect(row).toMatchObject({ status: "failed", lastError: expect.stringContaining("550") });
    expect(await db.subscriber.findUnique({ where: { id: bouncing!.id }, select: { hardBounces: true, pausedAt: true } })).toEqual({
      hardBounces: 1,
      pausedAt: null,
    });
  });

  it("pauses a subscriber after three hard bounces in a row, and a delivered digest clears the count", async () => {
    const start = new Date("2030-02-12T09:00:00Z");
    const smtp = await sink();
    let bounce = true;
    smtp.answer.current = (address) => (bounce && address.startsWith("dead") ? 550 : null);
    const [dead] = await audience(1, start, "dead");
    // Quiet days bring trending papers, so there is a digest to bounce every day.
    await db.subscriber.update({ where: { id: dead!.id }, data: { sendWhenQuiet: true } });
    const send = mailerFor(smtp.url).send;
    const bounces = () => db.subscriber.findUnique({ where: { id: dead!.id }, select: { hardBounces: true, pauseReason: true } });

    await runDigest({ now: start, send });
    await runDigest({ now: later(start, 24 * 60), send });
    expect(await bounces()).toEqual({ hardBounces: 2, pauseReason: null });
    bounce = false;
    await runDigest({ now: later(start, 2 * 24 * 60), send });
    expect(await bounces()).toEqual({ hardBounces: 0, pauseReason: null });

    bounce = true;
    for (const day of [3, 4, 5]) await runDigest({ now: later(start, day * 24 * 60), send });
    expect(await bounces()).toEqual({ hardBounces: 3, pauseReason: "bounced" });
    await runDigest({ now: later(start, 6 * 24 * 60), send });
    expect(await db.digestDelivery.count({ where: { subscriberId: dead!.id } })).toBe(6);
  });
});
