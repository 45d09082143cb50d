import "server-only";

import { db } from "@/lib/db";

import { requireToken } from "./check-token";

/**
 * "Delete all my data": the subscriber with their topics, tokens, deliveries and the papers those
 * carried (foreign keys and a trigger cascade), and any mail to them still kept in the local outbox.
 */
export async function deleteSubscriber(token: string | undefined): Promise<void> {
  const subscriberId = await requireToken(token, ["manage"]);
  await db.$transaction(async (tx) => {
    // deleteMany: a second click that raced the first finds nothing left to delete, which is fine.
    const row = await tx.subscriber.findUnique({ where: { id: subscriberId }, select: { email: true } });
    if (!row) return;
    await tx.subscriber.deleteMany({ where: { id: subscriberId } });
    await tx.outboxMessage.deleteMany({ where: { recipient: row.email } });
  });
}
