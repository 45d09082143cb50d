import "server-only";

import { countPeriodPapers } from "./count-period-papers";
import { findAdjacentListings, type AdjacentListings } from "./find-adjacent-listings";
import { periodWindow, type ListingWindow } from "./feed-period";
import type { FeedQuery } from "./feed-query";
import { getTrendingPapers, type TrendingPage } from "./get-trending-papers";
import { shownPeriod } from "./shown-period";

export type FeedPage = TrendingPage & {
  period: FeedQuery["period"];
  /** The first day of the period shown. */
  date: string;
  window: ListingWindow | null;
  /** The reader asked for no date and the current period has no papers: this is the latest one that has. */
  latestInstead: boolean;
  /** Whether the URL names the period (an explicit date, or the latest one shown instead of today). */
  dated: boolean;
  adjacent: AdjacentListings;
  /** How many papers the period holds, on later pages only (the first page needs no count). */
  total: { count: number; exact: boolean } | null;
};

/**
 * One page of the trending feed as the site shows it: with no date, the current day, week or
 * month, or the latest one with papers when that is empty (shownPeriod), so the first screen is
 * never empty; with where "previous" and "next" lead.
 */
export async function loadFeedPage(query: FeedQuery, today: string): Promise<FeedPage> {
  const { period, cursor, limit } = query;
  const { date, latestInstead } = query.date ? { date: query.date, latestInstead: false } : await shownPeriod(period, today);
  const window = periodWindow(period, date);
  const [page, adjacent, total] = await Promise.all([
    getTrendingPapers({ period, date, cursor, limit }),
    window ? findAdjacentListings(window, today) : { before: null, after: null },
    cursor ? countPeriodPapers(window) : null,
  ]);
  return { ...page, period, date, window, latestInstead, dated: Boolean(query.date) || latestInstead, adjacent, total };
}
