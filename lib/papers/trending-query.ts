import { Prisma } from "@/lib/generated/prisma/client";

import type { FeedCursor } from "./feed-cursor";
import { periodWindow, type Period } from "./feed-period";
import { paperCardColumns } from "./paper-card";

export type TrendingQueryOptions = { period: Period; date: string; cursor?: FeedCursor; limit: number };

/**
 * The SQL of one feed page (one row more than the page, to tell whether another follows). A
 * period ranks by trending score; all time by votes. Each order has an index on
 * (key DESC, id DESC), so a page deep in the list costs what the first one does.
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
  const orderBy = window ? Prisma.sql`p.trending_score DESC, p.id DESC` : Prisma.sql`p.votes DESC, p.id DESC`;
  return Prisma.sql`
    SELECT ${paperCardColumns}
    FROM paper p
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY ${orderBy}
    LIMIT ${options.limit + 1}`;
}
