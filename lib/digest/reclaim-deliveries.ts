import "server-only";

import { db } from "@/lib/db";

import { claimedDeliveryColumns, type ClaimedDelivery } from "./claimed-delivery";
import { DEAD_AFTER_MS } from "./run-heartbeat";

export const PERIOD_ENDED = "The period ended before the digest could be sent; its papers go into the next one.";
export const OUTCOME_UNKNOWN =
  "The run stopped while handing this digest to the mail server, so it may or may not have been sent; it is not sent again, so that it cannot arrive twice.";

/**
 * Ends the leases of runs whose heartbeat stopped (they died: see run-heartbeat.ts), so their
 * claims are settled and taken over now rather than when the leases would have run out.
 */
export async function buryDeadRuns(now: Date): Promise<void> {
  await db.$executeRaw`
    WITH dead AS (
      DELETE FROM digest_run WHERE heartbeat_at <= ${new Date(now.getTime() - DEAD_AFTER_MS)} RETURNING id
    )
    UPDATE digest_delivery SET lease_expires_at = ${now}, updated_at = now()
    WHERE lease_expires_at > ${now} AND claimed_by IN (SELECT id FROM dead)`;
}

export const NEVER_ACCEPTED = "The run stopped while handing this digest to the mail server, which never accepted it; it is sent again.";

/**
 * Settles the deliveries dead runs left `sending` by asking the mail server (see
 * `acceptedMessageIds` in digest-run.ts): one it accepted is recorded sent (which papers it carried
 * is not known, so they are not recorded); one it never accepted is claimable again at once.
 */
export async function settleUncertain(now: Date, acceptedMessageIds: (messageIds: string[]) => Promise<Set<string>>): Promise<void> {
  const uncertain = await db.$queryRaw<{ id: number; messageId: string }[]>`
    SELECT d.id, d.message_id AS "messageId" FROM digest_delivery d
    WHERE d.status = 'sending' AND d.lease_expires_at <= ${now}
      AND NOT EXISTS (SELECT 1 FROM digest_run r WHERE r.id = d.claimed_by)`;
  if (uncertain.length === 0) return;
  const accepted = await acceptedMessageIds(uncertain.map((row) => row.messageId));
  const sent = uncertain.filter((row) => accepted.has(row.messageId)).map((row) => row.id);
  await db.$executeRaw`
    UPDATE digest_delivery AS d
    SET status = CASE WHEN d.id = ANY(${sent}::int[]) THEN 'sent' ELSE 'claimed' END::digest_status,
        sent_at = CASE WHEN d.id = ANY(${sent}::int[]) THEN ${now}::timestamptz END,
        lease_expires_at = CASE WHEN d.id = ANY(${sent}::int[]) THEN NULL ELSE ${now}::timestamptz END,
        last_error = CASE WHEN d.id = ANY(${sent}::int[]) THEN NULL ELSE ${NEVER_ACCEPTED} END,
        claimed_by = NULL, updated_at = now()
    WHERE d.id = ANY(${uncertain.map((row) => row.id)}::int[]) AND d.status = 'sending'`;
}

/**
 * Settles deliveries whose lease ran out, and takes over up to `limit` of them that can still be
 * sent: claims a run left behind when it died or hit its deadline, and deliveries waiting for a
 * retry. Rows another run is taking over at the same moment are skipped (SKIP LOCKED), so two
 * runs never take the same one. A delivery left in `sending` is never retried: a run marks one so
 * only as it hands it to the mail server, which may have accepted it before the run died.
 */
export async function reclaimDeliveries(claim: { runId: string; now: Date; leaseMs: number; limit: number }): Promise<ClaimedDelivery[]> {
  const { runId, now, leaseMs, limit } = claim;
  await db.$executeRaw`
    UPDATE digest_delivery
    SET status = 'failed',
        last_error = CASE WHEN status = 'sending' THEN ${OUTCOME_UNKNOWN} ELSE ${PERIOD_ENDED} END,
        lease_expires_at = NULL, updated_at = now()
    WHERE status IN ('claimed', 'sending') AND lease_expires_at <= ${now}
      AND (status = 'sending' OR period_ends_at <= ${now})`;
  return db.$queryRaw<ClaimedDelivery[]>`
    UPDATE digest_delivery AS d
    SET claimed_by = ${runId}, lease_expires_at = ${new Date(now.getTime() + leaseMs)}, updated_at = now()
    FROM (
      SELECT id FROM digest_delivery
      WHERE status = 'claimed' AND lease_expires_at <= ${now} AND period_ends_at > ${now}
      ORDER BY lease_expires_at
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    ) expired
    WHERE d.id = expired.id
    RETURNING ${claimedDeliveryColumns}`;
}

/**
 * Deliveries of a current period that are not settled yet: held by a run (this one's are all
 * settled when it asks), or waiting for a retry that is due. While there are any, a run does not
 * call the day complete.
 */
export async function countPendingDeliveries(now: Date): Promise<number> {
  const [row] = await db.$queryRaw<{ pending: number }[]>`
    SELECT count(*)::int AS pending FROM digest_delivery
    WHERE lease_expires_at IS NOT NULL AND status IN ('claimed', 'sending') AND period_ends_at > ${now}
      AND (claimed_by IS NOT NULL OR lease_expires_at <= ${now})`;
  return row?.pending ?? 0;
}
