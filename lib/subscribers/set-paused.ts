import "server-only";

import { db } from "@/lib/db";

import { requireToken } from "./check-token";

/**
 * Pauses or resumes digests. Pausing keeps the time it first happened; resuming also forgets past
 * bounces, since the subscriber says the address works.
 */
export async function setPaused(token: string | undefined, paused: boolean): Promise<void> {
  const subscriberId = await requireToken(token, ["manage"]);
  if (paused) {
    await db.subscriber.updateMany({
      where: { id: subscriberId, pausedAt: null },
      data: { pausedAt: new Date(), pauseReason: "requested" },
    });
  } else {
    await db.subscriber.updateMany({ where: { id: subscriberId }, data: { pausedAt: null, pauseReason: null, hardBounces: 0 } });
  }
}
