import { Prisma } from "@/lib/generated/prisma/client";
import type { PaperFilter } from "@/lib/papers/list-papers-by";

import { addWeeks, TREND_WEEKS } from "./weekly-bars";

/**
 * The counts of the 52 weeks that end with `lastWeek`, as SQL (the bench explains it). A
 * category's are kept per week as its papers are written (category_week, 52 rows on its primary
 * key); counting them here read two thirds of a large category's papers at a million. An author's
 * few papers come from paper_authors_idx and are counted; the window is passed as constants so the
 * planner sees how little of the table it covers.
 */
export function weeklyCountsQuery(filter: PaperFilter, lastWeek: string): Prisma.Sql {
  const firstWeek = addWeeks(lastWeek, 1 - TREND_WEEKS);
  if ("category" in filter)
    return Prisma.sql`
      SELECT to_char(week, 'YYYY-MM-DD') AS week, papers
      FROM category_week
      WHERE category = ${filter.category} AND week BETWEEN ${firstWeek}::date AND ${lastWeek}::date AND papers > 0
      ORDER BY week`;
  return Prisma.sql`
    SELECT to_char(date_trunc('week', listed_on), 'YYYY-MM-DD') AS week, count(*)::int AS papers
    FROM paper
    WHERE authors @> ARRAY[${filter.author}]::text[]
      AND listed_on >= ${firstWeek}::date
      AND listed_on < ${addWeeks(lastWeek, 1)}::date
    GROUP BY 1
    ORDER BY 1`;
}
