import "server-only";

import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

import { encodeCursor, type FeedCursor } from "./feed-cursor";
import { periodWindow, type Period } from "./feed-period";
import { paperCardColumns, type PaperCard } from "./paper-card";

export type TrendingPage = { papers: PaperCard[]; nextCursor: string | null };

/**
 * One page of the feed. A period ranks by trending score; all time ranks by votes. Both orders are
 * backed by an index on (key DESC, id DESC), so any page costs the same as the first.
 */
export async function getTrendingPapers(options: {
  period: Period;
  date: string;
  cursor?: FeedCursor;
  limit: number;
}): Promise<TrendingPage> {
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

  const rows = await db.$queryRaw<PaperCard[]>`
    SELECT ${paperCardColumns}
    FROM paper p
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY ${orderBy}
    LIMIT ${options.limit + 1}`;

  const papers = rows.slice(0, options.limit);
  const last = papers.at(-1);
  const nextCursor =
    rows.length > options.limit && last
      ? encodeCursor({ key: window ? last.trendingScore : last.upvotes, id: last.id })
      : null;
  return { papers, nextCursor };
}
