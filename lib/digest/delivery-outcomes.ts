import "server-only";

import { db } from "@/lib/db";

// The steps of a claimed delivery after it is built, each written as soon as it is known, so a run
// that dies leaves every delivery in a state the next run can read. The frequent ones take many
// deliveries per statement (see progress-writes.ts).

export type SentDelivery = {
  id: number;
  papers: { paperId: number; alsoTrending: boolean }[];
};

/**
 * Both writes every email makes, many emails to a statement (see progress-writes.ts):
 *
 * - `marks`: deliveries being handed to the mail server, marked `sending` while this run still
 *   holds their lease; the ids returned are those. One left out was taken over by another run
 *   (this one was too slow): it must not be sent.
 * - `sent`: deliveries the mail server accepted, recorded with the papers they carried (never to
 *   be sent to the subscriber again, whatever the section), their subscribers' runs of hard
 *   bounces cleared. Whatever another run concluded meanwhile, they were sent: that is what the
 *   rows say.
 *
 * A delivery is marked in one statement and recorded in a later one, never both in one.
 */
export async function writeProgress(progress: { marks: number[]; sent: SentDelivery[] }, runId: string, now: Date): Promise<Set<number>> {
  const { marks, sent } = progress;
  const papers = sent.flatMap((delivery) =>
    delivery.papers.map((paper, index) => ({ deliveryId: delivery.id, position: index + 1, ...paper })),
  );
  const rows = await db.$queryRaw<{ id: number }[]>`
    WITH marked AS (
      UPDATE digest_delivery AS d SET status = 'sending', attempts = d.attempts + 1, updated_at = now()
      FROM unnest(${marks}::int[]) AS marked(id)
      WHERE d.id = marked.id AND d.status = 'claimed' AND d.claimed_by = ${runId}
        -- Through coalesce, so the test cannot imply the lease index's predicate and the primary key
        -- finds these few rows: the lease index also holds an entry for every delivery the run has
        -- finished until vacuum clears them, which the planner cannot see.
        AND coalesce(d.lease_expires_at, '-infinity') > ${now}
      RETURNING d.id
    ),
    input AS (
      SELECT * FROM unnest(
        ${sent.map((delivery) => delivery.id)}::int[],
        ${sent.map((delivery) => delivery.papers.filter((paper) => !paper.alsoTrending).length)}::int[]
      ) AS input(id, paper_count)
    ),
    sent AS (
      UPDATE digest_delivery AS d
      SET status = 'sent', sent_at = ${now}, lease_expires_at = NULL, last_error = NULL,
          paper_count = input.paper_count, updated_at = now()
      FROM input
      WHERE d.id = input.id AND d.status <> 'sent'
      RETURNING d.id, d.subscriber_id
    ),
    carried AS (
      INSERT INTO digest_paper (subscriber_id, paper_id, delivery_id, position, also_trending)
      SELECT sent.subscriber_id, paper.paper_id, sent.id, paper.position, paper.also_trending
      FROM unnest(
        ${papers.map((paper) => paper.deliveryId)}::int[],
        ${papers.map((paper) => paper.paperId)}::int[],
        ${papers.map((paper) => paper.position)}::int[],
        ${papers.map((paper) => paper.alsoTrending)}::boolean[]
      ) AS paper(delivery_id, paper_id, position, also_trending)
      JOIN sent ON sent.id = paper.delivery_id
      ON CONFLICT DO NOTHING
    ),
    cleared AS (
      UPDATE subscriber SET hard_bounces = 0
      WHERE id IN (SELECT subscriber_id FROM sent) AND hard_bounces > 0
    )
    SELECT id FROM marked`;
  return new Set(rows.map((row) => row.id));
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

/** Hands back claims this run will not get to (it must stop), for the next run to take at once. */
export async function releaseClaims(deliveryIds: number[], runId: string, now: Date): Promise<void> {
  if (deliveryIds.length === 0) return;
  await db.$executeRaw`
    UPDATE digest_delivery
    SET lease_expires_at = ${now}, claimed_by = NULL, updated_at = now()
    WHERE id = ANY(${deliveryIds}::int[]) AND status = 'claimed' AND claimed_by = ${runId}`;
}
