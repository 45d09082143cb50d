import "server-only";

import { db } from "@/lib/db";
import { isDatabaseUnavailable } from "@/lib/http/is-database-unavailable";

const RECHECK_MS = 1_000;
const PROBE_TIMEOUT_MS = 2_000;

let known: { reachable: boolean; at: number } = { reachable: true, at: 0 };
let probing: Promise<boolean> | null = null;

/**
 * Whether the database answers: while it does, asked at most once a second however many pages
 * are requested; while it does not, asked again by the next request (one probe at a time), so
 * pages come back the moment it does. Only a connection failure counts as down: a probe that is
 * merely slow (a busy pool) says nothing, and the pages go ahead.
 */
export async function isDatabaseReachable(): Promise<boolean> {
  if (known.reachable && Date.now() - known.at < RECHECK_MS) return true;
  probing ??= probe().finally(() => (probing = null));
  return probing;
}

async function probe(): Promise<boolean> {
  let reachable = known.reachable;
  try {
    const slow = new Promise<"slow">((resolve) => setTimeout(() => resolve("slow"), PROBE_TIMEOUT_MS).unref());
    if ((await Promise.race([db.$queryRaw`SELECT 1`, slow])) !== "slow") reachable = true;
  } catch (error) {
    reachable = !isDatabaseUnavailable(error);
  }
  known = { reachable, at: Date.now() };
  return reachable;
}
