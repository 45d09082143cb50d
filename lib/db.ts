import "server-only";

import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

import { DATABASE_SESSION_OPTIONS } from "@/lib/db-session";
import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

function createPool() {
  // allowExitOnIdle: a script ends once its work is done, without waiting out idle connections.
  return new pg.Pool({
    connectionString: env.DATABASE_URL,
    max: env.DATABASE_POOL_SIZE,
    options: DATABASE_SESSION_OPTIONS,
    allowExitOnIdle: true,
  });
}

// Dev reloads re-evaluate this module; keeping the pool and client on globalThis stops each reload
// from opening another pool.
const globalForDb = globalThis as unknown as { db?: PrismaClient; dbPool?: pg.Pool };

/**
 * The connection pool under Prisma. Only for the few hot statements where Prisma's own cost per
 * query (about a millisecond, twenty times a `SELECT 1`) is the request's whole cost, such as the
 * health check; everything else goes through `db`.
 */
export const dbPool = globalForDb.dbPool ?? createPool();

export const db = globalForDb.db ?? new PrismaClient({ adapter: new PrismaPg(dbPool) });

if (env.NODE_ENV !== "production") Object.assign(globalForDb, { db, dbPool });
