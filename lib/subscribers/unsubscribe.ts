import "server-only";

import { db } from "@/lib/db";

import { requireToken } from "./check-token";

/**
 * Stops all digests at once. Takes the unsubscribe token from an email (RFC 8058 one-click or the
 * page's button) or the manage page's token. Unsubscribing twice is the same as once.
 */
export async function unsubscribe(token: string | undefined): Promise<void> {
  const subscriberId = await requireToken(token, ["unsubscribe", "manage"]);
  await db.subscriber.updateMany({
    where: { id: subscriberId, status: { not: "unsubscribed" } },
    data: { status: "unsubscribed", unsubscribedAt: new Date() },
  });
}
