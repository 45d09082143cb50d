import "server-only";

import { db } from "@/lib/db";

// The steps of a claimed delivery after it is built. Each is one statement, written the moment
// its outcome is known, so a run that dies leaves every delivery in a state the next run can read.

/**
 * Marks the delivery as being handed to SMTP, if this run still holds its lease. False means
 * another run took it over (this run was too slow): the caller must not send it.
 */
export async function markSending(deliveryId: number, runId: string, now: Date): Promise<boolean> {
  const updated = await db.$executeRaw`
    UPDATE digest_delivery SET status = 'sending', attempts = attempts + 1, updated_at = now()
    WHERE id = ${deliveryId} AND status = 'claimed' AND claimed_by = ${runId} AND lease_expires_at > ${now}`;
  return updated === 1;
}

export type SentPaper = { paperId: number; position: number; alsoTrending: boolean };

/**
 * Records a delivery the mail server accepted, with the papers it carried (never to be sent to
 * this subscriber again), and clears the subscriber's run of hard bounces. Whatever another run
 * concluded meanwhile, it was sent: that is what the row says afterwards.
 */
export async function markSent(
  delivery: { id: number; subscriberId: number },
  papers: SentPaper[],
  now: Date,
): Promise<void> {
  await db.$executeRaw`
    WITH sent AS (
      UPDATE digest_delivery
      SET status = 'sent', sent_at = ${now}, lease_expires_at = NULL, last_error = NULL,
          paper_count = ${papers.filter((paper) => !paper.alsoTrending).length}, updated_at = now()
      WHERE id = ${delivery.id} AND status <> 'sent'
      RETURNING id, subscriber_id
    ),
    carried AS (
      INSERT INTO digest_paper (subscriber_id, paper_id, delivery_id, position, also_trending)
      SELECT sent.subscriber_id, paper.id, sent.id, paper.position, paper.also_trending
      FROM sent, unnest(
        ${papers.map((paper) => paper.paperId)}::int[],
        ${papers.map((paper) => paper.position)}::int[],
        ${papers.map((paper) => paper.alsoTrending)}::boolean[]
      ) AS paper(id, position, also_trending)
      ON CONFLICT DO NOTHING
    )
    UPDATE subscriber SET hard_bounces = 0
    WHERE id = (SELECT subscriber_id FROM sent) AND hard_bounces > 0`;
}

/**
 * A permanent failure. A hard bounce (the server refused the message with a 5xx) also counts
 * against the subscriber, who is paused (reason "bounced") after `bounceLimit` in a row.
 */
export async function markFailed(
  delivery: { id: number; subscriberId: number },
  failure: { reason: string; hardBounce: boolean; bounceLimit: number; now: Date },
): Promise<{ paused: boolean }> {
  const { reason, hardBounce, bounceLimit, now } = failure;
  const [row] = await db.$queryRaw<{ paused: boolean }[]>`
    WITH failed AS (
      UPDATE digest_delivery SET status = 'failed', last_error = ${reason}, lease_expires_at = NULL, updated_at = now()
      WHERE id = ${delivery.id} AND status IN ('claimed', 'sending')
      RETURNING subscriber_id
    ),
    bounced AS (
      UPDATE subscriber s
      SET hard_bounces = s.hard_bounces + 1,
          paused_at = CASE WHEN s.paused_at IS NULL AND s.hard_bounces + 1 >= ${bounceLimit} THEN ${now} ELSE s.paused_at END,
          pause_reason = CASE WHEN s.paused_at IS NULL AND s.hard_bounces + 1 >= ${bounceLimit} THEN 'bounced'::pause_reason ELSE s.pause_reason END,
          updated_at = now()
      WHERE ${hardBounce} AND s.id = (SELECT subscriber_id FROM failed)
      RETURNING s.pause_reason = 'bounced' AND s.paused_at = ${now} AS paused
    )
    SELECT coalesce((SELECT paused FROM bounced), false) AS paused`;
  return { paused: row?.paused ?? false };
}

/** A temporary failure: the delivery waits, unowned, until `retryAt`, when any run may take it. */
export async function deferDelivery(deliveryId: number, reason: string, retryAt: Date): Promise<void> {
  await db.$executeRaw`
    UPDATE digest_delivery
    SET status = 'claimed', claimed_by = NULL, lease_expires_at = ${retryAt}, last_error = ${reason}, updated_at = now()
    WHERE id = ${deliveryId} AND status = 'sending'`;
}

/** Nothing to send: no new matching papers (or the subscriber left); the window still counts as read. */
export async function markSkipped(deliveries: { id: number; reason: string | null }[]): Promise<void> {
  if (deliveries.length === 0) return;
  await db.$executeRaw`
    UPDATE digest_delivery AS d
    SET status = 'skipped', last_error = s.reason, lease_expires_at = NULL, paper_count = 0, updated_at = now()
    FROM unnest(${deliveries.map((delivery) => delivery.id)}::int[], ${deliveries.map((delivery) => delivery.reason)}::text[]) AS s(id, reason)
    WHERE d.id = s.id AND d.status = 'claimed'`;
}

/** Hands back claims this run will not get to (its deadline came), for the next run to take at once. */
export async function releaseClaims(deliveryIds: number[], runId: string, now: Date): Promise<void> {
  if (deliveryIds.length === 0) return;
  await db.$executeRaw`
    UPDATE digest_delivery SET lease_expires_at = ${now}, claimed_by = NULL, updated_at = now()
    WHERE id = ANY(${deliveryIds}::int[]) AND status = 'claimed' AND claimed_by = ${runId}`;
}
