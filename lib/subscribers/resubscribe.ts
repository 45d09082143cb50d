import "server-only";

import { db } from "@/lib/db";

import { requireToken } from "./check-token";

/**
 * Undoes an unsubscribe from the manage page. The manage link came to this address, which proves
 * it is the owner's, so no second confirmation is needed.
 */
export async function resubscribe(token: string | undefined): Promise<void> {
  const subscriberId = await requireToken(token, ["manage"]);
  await db.subscriber.updateMany({
    where: { id: subscriberId, status: "unsubscribed" },
    data: { status: "active", unsubscribedAt: null },
  });
}
