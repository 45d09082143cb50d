import { Prisma } from "@/lib/generated/prisma/client";

import type { FeedCursor } from "./feed-cursor";
import { periodWindow, type Period } from "./feed-period";
import { paperCardColumns } from "./paper-card";

export type TrendingQueryOptions = { period: Period; date: string; cursor?: FeedCursor; limit: number };

/**
 * The SQL of one feed page (one row more than the page, to tell whether another follows). A
 * period ranks by trending score, from an index-only scan of the window's entries in
 * (listed_on, trending_score, id); all time ranks by votes, straight down (votes, id).
 */
export function trendingQuery(options: TrendingQueryOptions): Prisma.Sql {
  const window = periodWindow(options.period, options.date);
  const conditions = [Prisma.sql`TRUE`];
  if (window) conditions.push(Prisma.sql`p.listed_on BETWEEN ${window.from}::date AND ${window.to}::date`);
  const { cursor } = options;
  if (cursor) {
    conditions.push(
      window
        ? Prisma.sql`(p.trending_score, p.id) < (${cursor.key}::float8, ${cursor.id}::int)`
        : Prisma.sql`(p.votes, p.id) < (${Math.trunc(cursor.key)}::int, ${cursor.id}::int)`,
    );
  }
  // In a window, "+ 0" keeps the planner off the trending index: walking it from the top skips
  // every newer paper (500 ms for a month a year back at 1M papers), while sorting the window's own
  // entries, read from (listed_on, trending_score, id) alone, costs the same for any date.
  const orderBy = window ? Prisma.sql`p.trending_score + 0 DESC, p.id DESC` : Prisma.sql`p.votes DESC, p.id DESC`;
  const pageOrderBy = window ? Prisma.sql`page.trending_score DESC, page.id DESC` : Prisma.sql`page.votes DESC, page.id DESC`;
  // Rank on the index columns first, then read the card columns of the page's rows only: the
  // abstract preview would otherwise be cut from every paper in the window.
  return Prisma.sql`
    WITH page AS (
      SELECT p.id, p.trending_score, p.votes
      FROM paper p
      WHERE ${Prisma.join(conditions, " AND ")}
      ORDER BY ${orderBy}
      LIMIT ${options.limit + 1}
    )
    SELECT ${paperCardColumns}
    FROM page JOIN paper p ON p.id = page.id
    ORDER BY ${pageOrderBy}`;
}
