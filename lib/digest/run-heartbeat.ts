import "server-only";

import { db } from "@/lib/db";

/** How often a run says it is alive. */
const HEARTBEAT_MS = 5_000;
/**
 * A run silent this long has died. Six missed beats: an event loop held up by rendering or a slow
 * statement for a while does not make a live run look dead, and a dead one's claims are taken over
 * by the next run that starts after this.
 */
export const DEAD_AFTER_MS = 30_000;

/**
 * Registers the run and beats on its row until `stop`, on the run's own clock (as its leases are):
 * runs that find the beat stopped take its claims over at once (see reclaim-deliveries.ts).
 */
export async function startHeartbeat(runId: string, clock: () => Date): Promise<{ stop: () => Promise<void> }> {
  const startedAt = clock();
  await db.$executeRaw`INSERT INTO digest_run (id, started_at, heartbeat_at) VALUES (${runId}, ${startedAt}, ${startedAt})`;
  let beating: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    // A beat that fails is missed, not fatal: the next one, or the run's own end, follows.
    beating = db.$executeRaw`UPDATE digest_run SET heartbeat_at = ${clock()} WHERE id = ${runId}`.catch(() => {});
  }, HEARTBEAT_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await beating;
      await db.$executeRaw`DELETE FROM digest_run WHERE id = ${runId}`;
    },
  };
}
