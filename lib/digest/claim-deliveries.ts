import "server-only";

import { db } from "@/lib/db";
import { env } from "@/lib/env";

import { claimedDeliveryColumns, type ClaimedDelivery } from "./claimed-delivery";
import { digestMessageId } from "./digest-message-id";
import { digestPeriod } from "./digest-period";
import { digestWindow } from "./digest-window";
import type { DueSubscriber } from "./find-due-subscribers";

/**
 * Claims the due subscribers' deliveries for their current period in one insert. The unique
 * (subscriber, period) index makes a claim another run or instance already made insert nothing,
 * so only the deliveries returned here are this run's to send.
 */
export async function claimDeliveries(
  due: DueSubscriber[],
  claim: { runId: string; now: Date; leaseUntil: Date },
): Promise<ClaimedDelivery[]> {
  if (due.length === 0) return [];
  const { runId, now, leaseUntil } = claim;
  // Bounds depend only on frequency and zone: worked out once per batch, not per subscriber.
  const periods = new Map<string, ReturnType<typeof digestPeriod>>();
  const rows = due.map((subscriber) => {
    const key = `${subscriber.frequency} ${subscriber.timeZone}`;
    const period = periods.get(key) ?? digestPeriod(subscriber.frequency, now, subscriber.timeZone);
    periods.set(key, period);
    const window = digestWindow(subscriber.frequency, subscriber.lastWindowEnd, now);
    return { subscriber, period, window };
  });
  return db.$queryRaw<ClaimedDelivery[]>`
    INSERT INTO digest_delivery AS d (subscriber_id, period_key, window_start, window_end, period_ends_at,
                                      claimed_by, claimed_at, lease_expires_at, message_id)
    SELECT c.subscriber_id, c.period_key, c.window_start, ${now}, c.period_ends_at,
           ${runId}, ${now}, ${leaseUntil}, c.message_id
    FROM unnest(
      ${rows.map((row) => row.subscriber.id)}::int[],
      ${rows.map((row) => row.subscriber.periodKey)}::text[],
      ${rows.map((row) => row.window.start)}::timestamptz[],
      ${rows.map((row) => row.period.endsAt)}::timestamptz[],
      ${rows.map((row) => digestMessageId(row.subscriber.id, row.subscriber.periodKey, env.APP_URL))}::text[]
    ) AS c(subscriber_id, period_key, window_start, period_ends_at, message_id)
    ON CONFLICT (subscriber_id, period_key) DO NOTHING
    RETURNING ${claimedDeliveryColumns}`;
}
