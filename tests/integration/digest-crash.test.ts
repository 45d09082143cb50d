import { spawn } from "node:child_process";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

import type { ParsedMail } from "mailparser";
import { describe, expect, it } from "vitest";

import { digestRunFixtures, later } from "../support/digest-run-fixtures";
import type { ScriptedSmtp } from "../support/digest-smtp";

const { db } = await import("@/lib/db");
const { runDigest } = await import("@/lib/digest/run-digest");
const { OUTCOME_UNKNOWN } = await import("@/lib/digest/reclaim-deliveries");

const root = path.resolve(import.meta.dirname, "../..");
const { sink, mailerFor, audience } = digestRunFixtures(db);

/** Messages the killed run has in flight at once: at most this many can be caught mid-handover. */
const IN_FLIGHT = 10;

const recipient = (message: ParsedMail) => (message.to && "value" in message.to ? message.to.value[0]?.address : undefined);

/** Messages the sink received, per recipient address. */
function received(smtp: ScriptedSmtp): Map<string, number> {
  const counts = new Map<string, number>();
  for (const message of smtp.messages) counts.set(recipient(message)!, (counts.get(recipient(message)!) ?? 0) + 1);
  return counts;
}

/** Runs a digest in a child process and kills it (SIGKILL) once the sink has `killAfter` messages. */
async function killMidRun(smtp: ScriptedSmtp, now: Date, killAfter: number) {
  // Node itself with tsx's loader, not the tsx command: that one runs the script in a child
  // process of its own, which a SIGKILL of the command leaves running.
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "tests/support/digest-child.ts"], {
    cwd: root,
    env: {
      ...process.env,
      SMTP_URL: smtp.url,
      DIGEST_NOW: now.toISOString(),
      DIGEST_CONCURRENCY: String(IN_FLIGHT),
      DIGEST_SEND_DELAY_MS: "5",
      SCHEDULER: "off",
    },
    stdio: "inherit",
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await smtp.waitForMessages(killAfter, 60_000);
  child.kill("SIGKILL");
  await exited;
}

describe("a run killed during a 2,000-subscriber digest", () => {
  it("leaves at most the messages in flight uncertain, and the next run sends every one that had not started", async () => {
    const now = new Date("2030-03-04T09:00:00Z");
    const smtp = await sink();
    const readers = await audience(2_000, now);
    await killMidRun(smtp, now, 300);
    expect(smtp.messages.length).toBeLessThan(readers.length);

    // A minute later, long before the dead run's leases (10 minutes) run out.
    const resumed = await runDigest({ now: later(now, 1), sendOnRelease: mailerFor(smtp.url, 5).sendOnRelease });
    expect(resumed.complete).toBe(true);

    const counts = received(smtp);
    const rows = await db.digestDelivery.findMany({
      where: { subscriberId: { in: readers.map((reader) => reader.id) } },
      select: { subscriberId: true, status: true, lastError: true },
    });
    const rowOf = new Map(rows.map((row) => [row.subscriberId, row]));
    const missed = readers.filter((reader) => !counts.has(reader.email));
    expect(readers.filter((reader) => (counts.get(reader.email) ?? 0) > 1)).toEqual([]);
    expect(missed.length).toBeLessThanOrEqual(IN_FLIGHT);
    // Those caught mid-handover are written off, never resent; every other digest went out.
    for (const reader of missed) expect(rowOf.get(reader.id)).toMatchObject({ status: "failed", lastError: OUTCOME_UNKNOWN });
    for (const reader of readers.filter((each) => counts.has(each.email)))
      expect(["sent", "failed"]).toContain(rowOf.get(reader.id)?.status);
    expect(rows.filter((row) => row.status === "failed").length).toBeLessThanOrEqual(2 * IN_FLIGHT);
  }, 240_000);

  it("resends exactly the digests the mail server never accepted, when it can tell", async () => {
    const now = new Date("2030-03-05T09:00:00Z");
    const smtp = await sink();
    const readers = await audience(600, now);
    await killMidRun(smtp, now, 150);
    const uncertain = await db.digestDelivery.count({
      where: { subscriberId: { in: readers.map((reader) => reader.id) }, status: "sending" },
    });

    // The sink's record of what it accepted stands in for an SMTP server's log.
    const acceptedMessageIds = async (ids: string[]) =>
      new Set(smtp.messages.flatMap((message) => (message.messageId && ids.includes(message.messageId) ? [message.messageId] : [])));
    const resumed = await runDigest({ now: later(now, 1), sendOnRelease: mailerFor(smtp.url, 5).sendOnRelease, acceptedMessageIds });
    expect(resumed.complete).toBe(true);

    const counts = received(smtp);
    expect(readers.filter((reader) => counts.get(reader.email) !== 1)).toEqual([]);
    const rows = await db.digestDelivery.findMany({
      where: { subscriberId: { in: readers.map((reader) => reader.id) } },
      select: { status: true },
    });
    expect(rows.every((row) => row.status === "sent")).toBe(true);
    const resent = await db.digestDelivery.count({ where: { subscriberId: { in: readers.map((reader) => reader.id) }, attempts: 2 } });
    expect(resent).toBeLessThanOrEqual(uncertain);
  }, 240_000);
});

describe("a run beside a live one", () => {
  it("takes none of the live run's claims, and does not call the day complete while they are pending", async () => {
    const now = new Date("2030-03-06T09:00:00Z");
    const smtp = await sink();
    const mailer = mailerFor(smtp.url, 5);
    const readers = await audience(20, now);
    const ids = readers.map((reader) => reader.id);
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const held = runDigest({ now, concurrency: 4, send: async (message) => gate.then(() => mailer.send(message)) });
    while ((await db.digestDelivery.count({ where: { subscriberId: { in: ids }, status: "sending" } })) === 0) await sleep(50);

    const beside = await runDigest({ now, send: mailer.send });
    expect(beside.complete).toBe(false);
    release();
    expect((await held).complete).toBe(true);
    const counts = received(smtp);
    expect(readers.filter((reader) => counts.get(reader.email) !== 1)).toEqual([]);
    expect((await runDigest({ now: later(now, 1), send: mailer.send })).complete).toBe(true);
  });
});
