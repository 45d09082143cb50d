import "server-only";

import { dbPool } from "@/lib/db";

export type Health = { status: "ok" | "unavailable"; database: "ok" | "unreachable" };

/**
 * What a load balancer or uptime check asks: can this instance reach its database? Load balancers
 * ask every few seconds on every instance, so this goes straight to the pool, skipping Prisma.
 */
export async function checkHealth(): Promise<Health> {
  try {
    await dbPool.query("SELECT 1");
    return { status: "ok", database: "ok" };
  } catch {
    return { status: "unavailable", database: "unreachable" };
  }
}
