import "server-only";

import { createHash } from "node:crypto";

import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

import { DATABASE_SESSION_OPTIONS, readSessionOptions } from "@/lib/db-session";
import { statementCounting } from "@/lib/db-statements";
import { env } from "@/lib/env";
import { type Prisma, PrismaClient } from "@/lib/generated/prisma/client";

function createPool(options: string) {
  // allowExitOnIdle: a script ends once its work is done, without waiting out idle connections.
  return new pg.Pool({ connectionString: env.DATABASE_URL, max: env.DATABASE_POOL_SIZE, options, allowExitOnIdle: true });
}

/** A client on a pool; the statement-counting extension lets a digest run count its statements in one place. */
export function createClient(pool: pg.Pool): PrismaClient {
  // A query extension leaves every method's signature as it was; only the extended client's type
  // says otherwise (it drops the event API, which the app does not use).
  return new PrismaClient({ adapter: new PrismaPg(pool) }).$extends(statementCounting) as unknown as PrismaClient;
}

// Dev reloads re-evaluate this module, and proxy.ts is bundled apart from the routes: keeping the
// pools and clients on globalThis gives the process one of each whichever bundle asks.
const globalForDb = globalThis as unknown as {
  dbPool?: pg.Pool;
  db?: PrismaClient;
  primaryReadPool?: pg.Pool;
  primaryReadDb?: PrismaClient;
};

/**
 * The connection pool under `db`. Only for the few hot statements where Prisma's own cost per query
 * (about a millisecond, twenty times a `SELECT 1`) is the request's whole cost, such as the health
 * check; everything else goes through `db`.
 */
export const dbPool = (globalForDb.dbPool ??= createPool(DATABASE_SESSION_OPTIONS));

/** Writes, jobs and everything that must see the latest data: the primary, with no statement timeout. */
export const db = (globalForDb.db ??= createClient(dbPool));

/**
 * The rows of a raw statement on the primary, as `db` runs it, straight on its pool: for the
 * statements of a view every signed-in reader's first view runs (For you's), where Prisma's own cost
 * per query is most of the statement's. Columns come as pg gives them (see readRows).
 */
export async function primaryRows<Row>(query: Prisma.Sql): Promise<Row[]> {
  return (await dbPool.query(preparedStatement(query))).rows as Row[];
}

/**
 * A raw statement as a named prepared statement, named by its text: each connection parses it
 * once, and PostgreSQL plans it once when a generic plan does as well as planning each call.
 */
export function preparedStatement(query: Prisma.Sql): pg.QueryConfig {
  return { name: createHash("sha256").update(query.text).digest("base64url").slice(0, 22), text: query.text, values: query.values };
}

/**
 * The primary for the reads of pages and the public API when no replica serves them (see
 * lib/db-read.ts): its sessions cancel a statement after READ_STATEMENT_TIMEOUT_MS, so one expensive
 * query answers 503 instead of holding a request and a connection. The pool is for lib/db-read.ts's
 * raw reads on the same sessions.
 */
export const primaryReadPool = (globalForDb.primaryReadPool ??= createPool(readSessionOptions(env.READ_STATEMENT_TIMEOUT_MS)));
export const primaryReadDb = (globalForDb.primaryReadDb ??= createClient(primaryReadPool));
