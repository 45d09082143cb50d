import "server-only";

import { headers } from "next/headers";
import pg from "pg";

import { createClient, preparedStatement, primaryReadDb, primaryReadPool } from "@/lib/db";
import { readSessionOptions } from "@/lib/db-session";
import { env } from "@/lib/env";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { READ_PRIMARY_HEADER } from "@/lib/http/read-your-writes";
import { isDatabaseUnavailable } from "@/lib/http/is-database-unavailable";

/** Where a read runs: the same database through Prisma or straight on its pool. */
type Source = { pool: pg.Pool; client: PrismaClient };
type Replica = Source & { url: string; usable: boolean };

const PRIMARY: Source = { pool: primaryReadPool, client: primaryReadDb };

const CHECK_EVERY_MS = 1_000;
// A replica that does not answer within this is treated as down; its reads go to the primary.
const CONNECT_TIMEOUT_MS = 1_000;

const globalForReplicas = globalThis as unknown as { paperpulseReplicas?: Replica[] };

function createReplica(url: string): Replica {
  const pool = new pg.Pool({
    connectionString: url,
    max: env.DATABASE_POOL_SIZE,
    options: readSessionOptions(env.READ_STATEMENT_TIMEOUT_MS),
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    allowExitOnIdle: true,
  });
  // An idle connection broken by a replica going away must not crash the process.
  pool.on("error", () => undefined);
  return { url, pool, client: createClient(pool), usable: false };
}

/**
 * Usable: in recovery (still following the primary) and no further behind than the bound. Lag is
 * zero when everything received is replayed, else the age of the last replayed transaction.
 */
async function checkReplica(replica: Replica): Promise<void> {
  try {
    const { rows } = await replica.pool.query<{ following: boolean; lagSeconds: number }>(`
      SELECT pg_is_in_recovery() AS following,
        CASE WHEN pg_last_wal_receive_lsn() IS NOT DISTINCT FROM pg_last_wal_replay_lsn() THEN 0
             ELSE coalesce(extract(epoch FROM now() - pg_last_xact_replay_timestamp()), 1e9) END::float8 AS "lagSeconds"`);
    const [state] = rows;
    replica.usable = Boolean(state?.following) && (state?.lagSeconds ?? Infinity) <= env.DATABASE_REPLICA_MAX_LAG_SECONDS;
  } catch {
    replica.usable = false;
  }
}

/** Whether any replica is configured: without one, every read is the primary's. */
export function hasReplicas(): boolean {
  return env.DATABASE_REPLICA_URL.length > 0;
}

/** The configured replicas, checked every second from the first read on. */
function replicas(): Replica[] {
  if (globalForReplicas.paperpulseReplicas) return globalForReplicas.paperpulseReplicas;
  const created = env.DATABASE_REPLICA_URL.map(createReplica);
  globalForReplicas.paperpulseReplicas = created;
  if (created.length > 0) {
    const checkAll = () => Promise.all(created.map(checkReplica));
    void checkAll();
    setInterval(checkAll, CHECK_EVERY_MS).unref();
  }
  return created;
}

/** True inside a request from a client that wrote moments ago (see lib/http/read-your-writes.ts). */
async function mustReadPrimary(): Promise<boolean> {
  try {
    return (await headers()).has(READ_PRIMARY_HEADER);
  } catch {
    // Outside a request (scheduler, scripts): nobody is waiting to see their own write.
    return false;
  }
}

/** A usable replica, at random to spread the load, or null for the primary. */
async function pickReplica(): Promise<Replica | null> {
  const usable = replicas().filter((replica) => replica.usable);
  if (usable.length === 0 || (await mustReadPrimary())) return null;
  return usable[Math.floor(Math.random() * usable.length)]!;
}

/** Runs a read on a replica; if the replica fails, the same read runs on the primary instead. */
async function read<T>(call: (source: Source) => Promise<T>): Promise<T> {
  const replica = await pickReplica();
  if (!replica) return call(PRIMARY);
  try {
    return await call(replica);
  } catch (error) {
    if (isDatabaseUnavailable(error)) replica.usable = false;
    console.warn(
      `[db] a replica read failed, reading from the primary: ${error instanceof Error ? error.message.split("\n")[0] || error.name : String(error)}`,
    );
    return call(PRIMARY);
  }
}

type ReadClient = Pick<PrismaClient, "$queryRaw" | "paper">;

/**
 * The client for read-only work (feeds, search, paper pages, similar papers): a streaming replica
 * when DATABASE_REPLICA_URL names one that is up and close behind, else the primary. Reads of a
 * client that just wrote, and reads a replica fails, go to the primary. Never write through it.
 */
export const readDb: ReadClient = new Proxy({} as ReadClient, {
  get(_target, member: keyof ReadClient) {
    if (member === "$queryRaw") {
      return (...args: Parameters<PrismaClient["$queryRaw"]>) => read(({ client }) => client.$queryRaw(...args));
    }
    return new Proxy(
      {},
      {
        get(_delegate, operation: string) {
          return (...args: unknown[]) =>
            read(({ client }) => (client[member] as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[operation]!(...args));
        },
      },
    );
  },
});

/**
 * The rows of a raw read, routed as readDb's are, run straight on the pool as a prepared statement
 * (preparedStatement): for the reads of a page every first view renders (the paper page's), where
 * Prisma's own cost per query is several times PostgreSQL's answer to a read by key. Columns come as
 * pg gives them: dates as text from the query (to_char), numbers, strings and arrays as they are.
 * `planEachCall`: a read whose best plan depends on its values (a window that may be all time) is
 * not prepared, so PostgreSQL plans it for each call's values.
 */
export async function readRows<Row>(query: Prisma.Sql, options: { planEachCall?: boolean } = {}): Promise<Row[]> {
  const statement = options.planEachCall ? { text: query.text, values: query.values } : preparedStatement(query);
  return read(async ({ pool }) => (await pool.query(statement)).rows as Row[]);
}
