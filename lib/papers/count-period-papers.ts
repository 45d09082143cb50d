import "server-only";

import { readDb } from "@/lib/db-read";

import type { ListingWindow } from "./feed-period";

/** How many papers a period holds; `exact` is false for all time, which reads the planner's estimate. */
export async function countPeriodPapers(window: ListingWindow | null): Promise<{ count: number; exact: boolean }> {
  if (window) {
    // An index-only scan of the window's entries in (listed_on, trending_score, id).
    const [row] = await readDb.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS count FROM paper WHERE listed_on BETWEEN ${window.from}::date AND ${window.to}::date`;
    return { count: row?.count ?? 0, exact: true };
  }
  // Counting a million rows takes tens of milliseconds; the statistics know the number closely enough.
  const [row] = await readDb.$queryRaw<{ estimate: number }[]>`
    SELECT reltuples::bigint::int AS estimate FROM pg_class WHERE oid = 'paper'::regclass`;
  if (row && row.estimate >= 0) return { count: row.estimate, exact: false };
  const [counted] = await readDb.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM paper`;
  return { count: counted?.count ?? 0, exact: true };
}
