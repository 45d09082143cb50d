import "server-only";

import { db } from "@/lib/db";

import { MAX_LOOKBACK_MS } from "./digest-window";

const DAY_MS = 86_400_000;

/**
 * How long a finished delivery, and with it the record of the papers it carried, is kept. Dedupe
 * needs far less:
 * - a matched paper is picked only if it arrived inside the digest's window, which starts at most
 *   MAX_LOOKBACK_MS (four weeks) back; a paper sent earlier than that arrived earlier still, so it
 *   can never match again;
 * - quiet digests and "also trending" draw on the hottest papers, and a paper's trending score
 *   falls behind that of an unvoted paper listed a day later by half a point a day: 90 days on, it
 *   would need some 2^45 votes to be among them again.
 * The margin leaves room for an operator to look into what was sent last month.
 */
export const HISTORY_RETENTION_MS = 90 * DAY_MS;
const CHUNK = 5_000;

/**
 * Deletes finished deliveries (sent, skipped, failed) claimed before `now - retentionMs`, their
 * digest_paper rows going with them, a chunk per statement so no transaction holds many locks.
 * Each subscriber's latest sent or skipped delivery stays whatever its age: it is where their next
 * digest's window starts. Deliveries still claimed or sending are never touched.
 */
export async function pruneDigestHistory(options: { now?: Date; retentionMs?: number } = {}): Promise<{ deliveries: number }> {
  const retentionMs = Math.max(options.retentionMs ?? HISTORY_RETENTION_MS, 2 * MAX_LOOKBACK_MS.weekly);
  const cutoff = new Date((options.now ?? new Date()).getTime() - retentionMs);
  let deliveries = 0;
  for (;;) {
    const deleted = await db.$executeRaw`
      DELETE FROM digest_delivery WHERE id IN (
        SELECT d.id FROM digest_delivery d
        WHERE d.status IN ('sent', 'skipped', 'failed') AND d.claimed_at < ${cutoff}
          AND d.id IS DISTINCT FROM (
            SELECT latest.id FROM digest_delivery latest
            WHERE latest.subscriber_id = d.subscriber_id AND latest.status IN ('sent', 'skipped')
            ORDER BY latest.window_end DESC LIMIT 1
          )
        ORDER BY d.claimed_at
        LIMIT ${CHUNK}
        FOR UPDATE SKIP LOCKED
      )`;
    deliveries += deleted;
    if (deleted < CHUNK) return { deliveries };
  }
}
