import "server-only";

import { db } from "@/lib/db";
import type { DigestFrequency } from "@/lib/generated/prisma/enums";

import { duePeriod } from "./due-period";

export type DueSubscriber = {
  id: number;
  frequency: DigestFrequency;
  timeZone: string;
  periodKey: string;
  /** Where their last sent or skipped digest's window ended; null before their first. */
  lastWindowEnd: Date | null;
};

type Row = {
  id: number;
  frequency: DigestFrequency;
  weekday: number;
  timeZone: string;
  lastClaimedAt: Date | null;
  lastWindowEnd: Date | null;
};

/**
 * One page of deliverable subscribers (confirmed, not paused) after `afterId`, in id order, and
 * those of them due a digest at `now`. Memory and work per call are bounded by `limit`; the caller
 * pages through with `nextAfterId` until it is null.
 */
export async function findDueSubscribers(
  afterId: number,
  limit: number,
  now: Date,
  sendHour: number,
): Promise<{ due: DueSubscriber[]; scanned: number; nextAfterId: number | null }> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT s.id, s.frequency, s.weekday, s.time_zone AS "timeZone",
           latest.claimed_at AS "lastClaimedAt", finished.window_end AS "lastWindowEnd"
    FROM subscriber s
    LEFT JOIN LATERAL (
      SELECT d.claimed_at FROM digest_delivery d WHERE d.subscriber_id = s.id ORDER BY d.claimed_at DESC LIMIT 1
    ) latest ON TRUE
    LEFT JOIN LATERAL (
      SELECT d.window_end FROM digest_delivery d
      WHERE d.subscriber_id = s.id AND d.status IN ('sent', 'skipped')
      ORDER BY d.window_end DESC LIMIT 1
    ) finished ON TRUE
    WHERE s.status = 'active' AND s.paused_at IS NULL AND s.id > ${afterId}
    ORDER BY s.id
    LIMIT ${limit}`;
  const due = rows.flatMap((row) => {
    const periodKey = duePeriod(row, now, sendHour);
    return periodKey ? [{ id: row.id, frequency: row.frequency, timeZone: row.timeZone, periodKey, lastWindowEnd: row.lastWindowEnd }] : [];
  });
  return { due, scanned: rows.length, nextAfterId: rows.length === limit ? rows.at(-1)!.id : null };
}
