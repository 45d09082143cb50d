import "server-only";

import { db } from "@/lib/db";

export type OutboxEntry = { id: number; recipient: string; subject: string; createdAt: Date };
export type OutboxPage = { messages: OutboxEntry[]; nextBefore: number | null };

/** Newest first, by id (the primary key), `before` an id from the previous page. */
export async function listOutbox(options: { before?: number; limit: number }): Promise<OutboxPage> {
  const rows = await db.outboxMessage.findMany({
    where: options.before ? { id: { lt: options.before } } : undefined,
    orderBy: { id: "desc" },
    take: options.limit + 1,
    select: { id: true, recipient: true, subject: true, createdAt: true },
  });
  const messages = rows.slice(0, options.limit);
  return { messages, nextBefore: rows.length > options.limit ? (messages.at(-1)?.id ?? null) : null };
}
