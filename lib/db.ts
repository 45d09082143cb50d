import "server-only";

import { PrismaPg } from "@prisma/adapter-pg";

import { DATABASE_SESSION_OPTIONS } from "@/lib/db-session";
import { statementCounting } from "@/lib/db-statements";
import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

function createClient(): PrismaClient {
  const adapter = new PrismaPg({ connectionString: env.DATABASE_URL, max: env.DATABASE_POOL_SIZE, options: DATABASE_SESSION_OPTIONS });
  // A query extension leaves every method's signature as it was; only the extended client's type
  // says otherwise (it drops the event API, which the app does not use).
  return new PrismaClient({ adapter }).$extends(statementCounting) as unknown as PrismaClient;
}

// Dev reloads re-evaluate this module; keeping the client on globalThis stops each reload from
// opening another pool.
const globalForDb = globalThis as unknown as { db?: PrismaClient };

export const db = globalForDb.db ?? createClient();

if (env.NODE_ENV !== "production") globalForDb.db = db;
