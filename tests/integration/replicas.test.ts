// Read-only work goes to a real streaming replica (made here with pg_basebackup -R) while it is up
// and close behind; a replica that lags or goes away is left for the primary, and no read fails.
import { afterAll, describe, expect, it } from "vitest";

import { migrate } from "@/prisma/migrate";

import { insertPapers } from "../support/digest-fixtures";
import { startStreamingPair } from "../support/streaming-replica";

const pair = await startStreamingPair();
const admin = new (await import("pg")).default.Client({ connectionString: pair.primaryUrl("postgres") });
await admin.connect();
await admin.query("CREATE DATABASE paperpulse");
await admin.end();
await migrate(pair.primaryUrl("paperpulse"));

// lib/env.ts reads these when first imported, which happens below.
process.env.DATABASE_URL = pair.primaryUrl("paperpulse");
process.env.DATABASE_REPLICA_URL = pair.replicaUrl("paperpulse");
process.env.DATABASE_REPLICA_MAX_LAG_SECONDS = "1";
const { db } = await import("@/lib/db");
const { readDb } = await import("@/lib/db-read");
const { getPaper } = await import("@/lib/papers/get-paper");
const paperRoute = await import("@/app/api/papers/[...arxivId]/route");

const replica = new (await import("pg")).default.Client({ connectionString: pair.replicaUrl("paperpulse") });
await replica.connect();

afterAll(async () => {
  await replica.end().catch(() => undefined);
  pair.close();
});

/** Whether readDb is reading from the replica (in recovery) or the primary. */
const readsFromReplica = async () => (await readDb.$queryRaw<{ replica: boolean }[]>`SELECT pg_is_in_recovery() AS replica`)[0]!.replica;

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const paperOn = (createdAt = new Date()) =>
  insertPapers(db, [{ title: "Streaming replicas for reading papers", createdAt }]).then(([row]) => row!);

describe("read replicas", () => {
  it("serve read-only work once the replica is known to be close behind", async () => {
    await until(readsFromReplica, "reads go to the replica");
    const paper = await paperOn();
    await until(async () => (await getPaper(paper.arxivId)) !== null, "the new paper is replayed on the replica");
    expect(await readsFromReplica()).toBe(true);
  });

  it("leave a lagging replica to the primary until it catches up", async () => {
    await until(readsFromReplica, "reads go to the replica");
    await replica.query("SELECT pg_wal_replay_pause()");
    const paper = await paperOn();
    await until(async () => !(await readsFromReplica()), "reads leave the lagging replica");
    // Read from the primary, the paper the replica has not replayed yet is there.
    expect((await getPaper(paper.arxivId))?.arxivId).toBe(paper.arxivId);
    const [onReplica] = (await replica.query("SELECT count(*)::int AS n FROM paper WHERE arxiv_id = $1", [paper.arxivId])).rows;
    expect(onReplica.n).toBe(0);

    await replica.query("SELECT pg_wal_replay_resume()");
    await until(readsFromReplica, "reads return to the replica once it caught up");
  });

  it("answer from the primary, never with an error, when the replica goes away", async () => {
    await until(readsFromReplica, "reads go to the replica");
    const paper = await paperOn();
    await until(async () => (await getPaper(paper.arxivId)) !== null, "the paper is replayed");
    await replica.end();
    pair.stopReplica();

    // The first read after the replica died finds out by failing over, not by an error.
    const response = await paperRoute.GET(new Request(`http://localhost:3000/api/papers/${paper.arxivId}`), {
      params: Promise.resolve({ arxivId: [paper.arxivId] }),
    });
    expect(response.status).toBe(200);
    expect((await response.json()).paper.arxivId).toBe(paper.arxivId);
    expect(await readsFromReplica()).toBe(false);
  });
});
