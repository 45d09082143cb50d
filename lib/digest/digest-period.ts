import type { DigestFrequency } from "@/lib/generated/prisma/enums";

import { addDays, startOfZonedDay, zonedParts } from "./zoned-time";

/** A digest's period in the subscriber's time zone: a calendar day, or an ISO week (Monday first). */
export type DigestPeriod = { key: string; startsAt: Date; endsAt: Date };

/** "2026-11-25" for a daily digest, "2026-W48" for a weekly one, at `instant` in `timeZone`. */
export function periodKey(frequency: DigestFrequency, instant: Date, timeZone: string): string {
  const { year, month, day } = zonedParts(instant, timeZone);
  return frequency === "daily" ? dayKey(year, month, day) : isoWeekKey(year, month, day);
}

/** The period containing `instant`, with the instants it starts and ends at (DST included). */
export function digestPeriod(frequency: DigestFrequency, instant: Date, timeZone: string): DigestPeriod {
  const { year, month, day, weekday } = zonedParts(instant, timeZone);
  const today = dayKey(year, month, day);
  const first = frequency === "daily" ? today : addDays(today, 1 - weekday);
  const next = addDays(first, frequency === "daily" ? 1 : 7);
  return {
    key: frequency === "daily" ? today : isoWeekKey(year, month, day),
    startsAt: startOfZonedDay(first, timeZone),
    endsAt: startOfZonedDay(next, timeZone),
  };
}

/** ISO 8601 week: weeks start on Monday, and week 1 holds the year's first Thursday. */
export function isoWeekKey(year: number, month: number, day: number): string {
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const weekYear = date.getUTCFullYear();
  const week = Math.floor((date.getTime() - Date.UTC(weekYear, 0, 1)) / 86_400_000 / 7) + 1;
  return `${weekYear}-W${String(week).padStart(2, "0")}`;
}

function dayKey(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
