import "server-only";

import { PrismaPg } from "@prisma/adapter-pg";

import { DATABASE_SESSION_OPTIONS } from "@/lib/db-session";
import { statementCounting } from "@/lib/db-statements";
import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

function createClient(options: string): PrismaClient {
  const adapter = new PrismaPg({ connectionString: env.DATABASE_URL, max: env.DATABASE_POOL_SIZE, options });
  // A query extension leaves every method's signature as it was; only the extended client's type
  // says otherwise (it drops the event API, which the app does not use).
  return new PrismaClient({ adapter }).$extends(statementCounting) as unknown as PrismaClient;
}

// Dev reloads re-evaluate this module, and proxy.ts is bundled apart from the routes: keeping the
// clients on globalThis gives the process one pool of each whichever bundle asks.
const globalForDb = globalThis as unknown as { db?: PrismaClient; readDb?: PrismaClient };

export const db = (globalForDb.db ??= createClient(DATABASE_SESSION_OPTIONS));

/**
 * For the reads of pages and the public API (feed, search, paper pages, previews): its sessions
 * cancel a statement after READ_STATEMENT_TIMEOUT_MS, so one expensive query answers 503 instead
 * of holding a request and a connection. Jobs and writes use `db`, which has no such limit.
 */
export const readDb = (globalForDb.readDb ??= createClient(`${DATABASE_SESSION_OPTIONS} -c statement_timeout=${env.READ_STATEMENT_TIMEOUT_MS}`));
