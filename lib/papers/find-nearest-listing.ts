import "server-only";

import { readDb as db } from "@/lib/db";

import { periodWindow, type Period } from "./feed-period";

/**
 * For an empty period: the closest listing day with papers, before the window or after it, so
 * the page can offer it instead of a dead end. Both look-ups are one step on the listed_on index.
 */
export async function findNearestListing(period: Period, date: string): Promise<string | null> {
  const window = periodWindow(period, date);
  if (!window) return null;
  const [row] = await db.$queryRaw<{ before: string | null; after: string | null }[]>`
    SELECT
      (SELECT to_char(max(listed_on), 'YYYY-MM-DD') FROM paper WHERE listed_on < ${window.from}::date) AS before,
      (SELECT to_char(min(listed_on), 'YYYY-MM-DD') FROM paper WHERE listed_on > ${window.to}::date) AS after`;
  if (!row?.before) return row?.after ?? null;
  if (!row.after) return row.before;
  const distance = (day: string) => Math.abs(Date.parse(day) - Date.parse(date));
  return distance(row.before) <= distance(row.after) ? row.before : row.after;
}
