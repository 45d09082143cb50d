import "server-only";

import { db } from "@/lib/db";

/** Which of these Message-IDs the outbox holds: without an SMTP server, the outbox is the mail server. */
export async function acceptedByOutbox(messageIds: string[]): Promise<Set<string>> {
  if (messageIds.length === 0) return new Set();
  const rows = await db.outboxMessage.findMany({ where: { messageId: { in: messageIds } }, select: { messageId: true } });
  return new Set(rows.map((row) => row.messageId));
}
