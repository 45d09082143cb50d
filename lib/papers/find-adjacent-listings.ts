import "server-only";

import { readDb, readRows } from "@/lib/db-read";
import { Prisma } from "@/lib/generated/prisma/client";

import type { ListingWindow } from "./feed-period";

/** The last listing day with papers before a window, and the first after it up to `today`. */
export type AdjacentListings = { before: string | null; after: string | null };

/**
 * Where "previous" and "next" lead, skipping days, weeks and months without papers. Each side
 * is one step on the (listed_on, …) index.
 */
export async function findAdjacentListings(window: ListingWindow, today: string): Promise<AdjacentListings> {
  const [row] = await readDb.$queryRaw<AdjacentListings[]>`
    SELECT
      (SELECT to_char(max(listed_on), 'YYYY-MM-DD') FROM paper WHERE listed_on < ${window.from}::date) AS before,
      (SELECT to_char(min(listed_on), 'YYYY-MM-DD') FROM paper WHERE listed_on > ${window.to}::date AND listed_on <= ${today}::date) AS after`;
  return row ?? { before: null, after: null };
}

/**
 * The latest listing day with papers up to `today`, or null when there are no papers yet. Raw: the
 * feed's and For you's views read it (see readRows).
 */
export async function findLatestListing(today: string): Promise<string | null> {
  const [row] = await readRows<{ day: string | null }>(Prisma.sql`
    SELECT to_char(max(listed_on), 'YYYY-MM-DD') AS day FROM paper WHERE listed_on <= ${today}::date`);
  return row?.day ?? null;
}
