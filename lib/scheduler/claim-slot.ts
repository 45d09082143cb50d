import "server-only";

import { db } from "@/lib/db";

import { INSTANCE_NAME } from "./instance-token";

/** Claimed slots are kept this long, for an operator asking which instance ran what. */
const KEEP_DAYS = 7;

/**
 * Claims the run of `job` due at `slot` for this instance: true for exactly one of the instances
 * that ask, however many fire at once, false for the rest. A claimed run whose instance dies is
 * not retried; the next slot runs as usual.
 */
export async function claimSlot(job: string, slot: Date): Promise<boolean> {
  const claimed = await db.$queryRaw<unknown[]>`
    INSERT INTO scheduled_job_slot (job, slot, claimed_by) VALUES (${job}, ${slot}, ${INSTANCE_NAME})
    ON CONFLICT (job, slot) DO NOTHING
    RETURNING job`;
  if (claimed.length === 0) return false;
  await db.$executeRaw`DELETE FROM scheduled_job_slot WHERE job = ${job} AND slot < ${slot}::timestamptz - ${KEEP_DAYS}::int * interval '1 day'`;
  return true;
}
