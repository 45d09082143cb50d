import "server-only";

import { PrismaPg } from "@prisma/adapter-pg";

import { DATABASE_SESSION_OPTIONS } from "@/lib/db-session";
import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

function createClient() {
  const adapter = new PrismaPg({ connectionString: env.DATABASE_URL, max: env.DATABASE_POOL_SIZE, options: DATABASE_SESSION_OPTIONS });
  return new PrismaClient({ adapter });
}

// Dev reloads re-evaluate this module; keeping the client on globalThis stops each reload from
// opening another pool.
const globalForDb = globalThis as unknown as { db?: PrismaClient };

export const db = globalForDb.db ?? createClient();

if (env.NODE_ENV !== "production") globalForDb.db = db;
