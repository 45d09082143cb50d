import "server-only";

import { findLatestListing } from "./find-adjacent-listings";
import { periodWindow, type Period } from "./feed-period";

/** The day whose period a list shows, and whether it is the latest one with papers instead of today's. */
export type ShownPeriod = { date: string; latestInstead: boolean };

/**
 * What the trending feed and For you show when the reader names no date: today's day, week or
 * month, or the latest one with papers while today's has none yet (a new install, a weekend, a
 * Monday before its first listing), so neither list is empty for want of listings.
 */
export async function shownPeriod(period: Period, today: string): Promise<ShownPeriod> {
  return periodWindow(period, today) ? shownPeriodOf(period, today, await findLatestListing(today)) : { date: today, latestInstead: false };
}

/** shownPeriod, for a caller that has read `latest` (findLatestListing) itself. */
export function shownPeriodOf(period: Period, today: string, latest: string | null): ShownPeriod {
  const current = periodWindow(period, today);
  return current && latest && latest < current.from ? { date: latest, latestInstead: true } : { date: today, latestInstead: false };
}
