// The database-held coordination that lets several instances behave as one. Each gate, claim and
// lease keeps its state only in PostgreSQL, so two of them in one process stand for two instances.
import { describe, expect, it } from "vitest";

const { db } = await import("@/lib/db");
const { createRequestGate } = await import("@/lib/ingest/request-gate");
const { claimSlot } = await import("@/lib/scheduler/claim-slot");
const { withJobLease } = await import("@/lib/scheduler/job-lease");

describe("request gate", () => {
  it("spaces requests of every gate on the same host, in the order they asked", async () => {
    const host = `http://gate-${Date.now()}.test/api`;
    const gates = [createRequestGate(host, 1_000), createRequestGate(host, 1_000)];
    const passed: number[] = [];
    const started = Date.now();
    await Promise.all([0, 1, 2, 3].map((i) => gates[i % 2]!.wait().then(() => passed.push(Date.now() - started))));
    passed.sort((a, b) => a - b);
    expect(passed).toHaveLength(4);
    // The slots are exact on the database's clock; each caller hears of its slot a round trip later,
    // which on a loaded test machine varies by up to a tenth of a second.
    for (let i = 1; i < passed.length; i++) expect(passed[i]! - passed[i - 1]!).toBeGreaterThanOrEqual(850);
  });

  it("keeps hosts apart and lets a zero interval through without waiting", async () => {
    const stamp = Date.now();
    await createRequestGate(`http://a-${stamp}.test`, 10_000).wait();
    const started = Date.now();
    await createRequestGate(`http://b-${stamp}.test`, 10_000).wait();
    await createRequestGate(`http://a-${stamp}.test`, 0).wait();
    // Long before either interval would end: neither waited (a busy machine may take a second or two).
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe("scheduled slots", () => {
  it("are claimed by exactly one of many concurrent callers, once per slot", async () => {
    const job = `job-${Date.now()}`;
    const slot = new Date("2030-01-01T05:30:00Z");
    const claims = await Promise.all(Array.from({ length: 8 }, () => claimSlot(job, slot)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await claimSlot(job, slot)).toBe(false);
    expect(await claimSlot(job, new Date("2030-01-02T05:30:00Z"))).toBe(true);
  });
});

describe("job leases", () => {
  it("let one run at a time, and the next once it ended", async () => {
    const job = `lease-${Date.now()}`;
    let release!: () => void;
    const first = withJobLease(job, () => new Promise<string>((resolve) => (release = () => resolve("first"))));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await withJobLease(job, async () => "second")).toEqual({ ran: false });
    release();
    expect(await first).toEqual({ ran: true, value: "first" });
    expect(await withJobLease(job, async () => "third")).toEqual({ ran: true, value: "third" });
  });

  it("take over a lease whose holder died", async () => {
    const job = `lease-dead-${Date.now()}`;
    await db.$executeRaw`INSERT INTO job_lease (job, holder, expires_at) VALUES (${job}, 'gone:1:x', now() - interval '1 second')`;
    expect(await withJobLease(job, async () => "taken")).toEqual({ ran: true, value: "taken" });
  });
});
