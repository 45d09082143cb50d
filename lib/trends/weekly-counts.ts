import "server-only";

import { readDb } from "@/lib/db-read";
import { Prisma } from "@/lib/generated/prisma/client";
import { findLatestListing } from "@/lib/papers/find-adjacent-listings";
import type { PaperFilter } from "@/lib/papers/list-papers-by";

import { addWeeks, mondayOf, TREND_WEEKS, type WeekCount } from "./weekly-bars";

export type WeeklyTrend = { lastWeek: string; weeks: WeekCount[] };

/**
 * Papers per listing week (ISO weeks, Mondays as "YYYY-MM-DD") of an author or a category, over
 * the 52 weeks that end with the latest listing week up to today: on a fresh install or an old
 * copy the chart shows the year PaperPulse has rather than an empty one. Weeks without papers are
 * left out; null when there are no papers at all. The window is passed as constants so the
 * planner sees how much of the table it covers: an author's papers come from paper_authors_idx,
 * a large category's from that GIN index ANDed with paper_listed_on_id_idx.
 */
export async function weeklyCounts(filter: PaperFilter, today: string): Promise<WeeklyTrend | null> {
  const latest = await findLatestListing(today);
  if (!latest) return null;
  const lastWeek = mondayOf(latest);
  const matches =
    "author" in filter
      ? Prisma.sql`authors @> ARRAY[${filter.author}]::text[]`
      : Prisma.sql`categories @> ARRAY[${filter.category}]::text[]`;
  const weeks = await readDb.$queryRaw<WeekCount[]>`
    SELECT to_char(date_trunc('week', listed_on), 'YYYY-MM-DD') AS week, count(*)::int AS papers
    FROM paper
    WHERE ${matches}
      AND listed_on >= ${addWeeks(lastWeek, 1 - TREND_WEEKS)}::date
      AND listed_on < ${addWeeks(lastWeek, 1)}::date
    GROUP BY 1
    ORDER BY 1`;
  return { lastWeek, weeks };
}
