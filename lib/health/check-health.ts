import "server-only";

import { db } from "@/lib/db";

export type Health = { status: "ok" | "unavailable"; database: "ok" | "unreachable" };

/** What a load balancer or uptime check asks: can this instance reach its database? */
export async function checkHealth(): Promise<Health> {
  try {
    await db.$queryRaw`SELECT 1`;
    return { status: "ok", database: "ok" };
  } catch {
    return { status: "unavailable", database: "unreachable" };
  }
}
