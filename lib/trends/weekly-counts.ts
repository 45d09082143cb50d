import "server-only";

import { readDb } from "@/lib/db-read";
import { findLatestListing } from "@/lib/papers/find-adjacent-listings";
import type { PaperFilter } from "@/lib/papers/list-papers-by";

import { mondayOf, type WeekCount } from "./weekly-bars";
import { weeklyCountsQuery } from "./weekly-counts-query";

export type WeeklyTrend = { lastWeek: string; weeks: WeekCount[] };

/**
 * Papers per listing week (ISO weeks, Mondays as "YYYY-MM-DD") of an author or a category, over
 * the 52 weeks that end with the latest listing week up to today: on a fresh install or an old
 * copy the chart shows the year PaperPulse has rather than an empty one. Weeks without papers are
 * left out; null when there are no papers at all.
 */
export async function weeklyCounts(filter: PaperFilter, today: string): Promise<WeeklyTrend | null> {
  const latest = await findLatestListing(today);
  if (!latest) return null;
  const lastWeek = mondayOf(latest);
  const weeks = await readDb.$queryRaw<WeekCount[]>(weeklyCountsQuery(filter, lastWeek));
  return { lastWeek, weeks };
}
