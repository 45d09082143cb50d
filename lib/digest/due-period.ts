import type { DigestFrequency } from "@/lib/generated/prisma/enums";

import { periodKey } from "./digest-period";
import { zonedParts } from "./zoned-time";

export type DueInput = {
  frequency: DigestFrequency;
  /** ISO weekday of weekly digests: 1 = Monday … 7 = Sunday. */
  weekday: number;
  timeZone: string;
  /** When this subscriber's latest delivery, of any outcome, was claimed. */
  lastClaimedAt: Date | null;
};

/**
 * The key of the period a subscriber is due a digest for at `now`, or null when they are not due.
 * Daily subscribers are due once a day from `sendHour` on, weekly ones on their weekday from
 * `sendHour` on, all in their own time zone. A claim already made in the current period (by
 * either frequency, so switching frequency never doubles up) means not due.
 */
export function duePeriod(subscriber: DueInput, now: Date, sendHour = 0): string | null {
  const { frequency, weekday, timeZone, lastClaimedAt } = subscriber;
  const local = zonedParts(now, timeZone);
  if (local.hour < sendHour) return null;
  if (frequency === "weekly" && local.weekday !== weekday) return null;
  const key = periodKey(frequency, now, timeZone);
  if (lastClaimedAt && periodKey(frequency, lastClaimedAt, timeZone) === key) return null;
  return key;
}
