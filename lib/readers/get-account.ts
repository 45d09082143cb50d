import "server-only";

import { db } from "@/lib/db";

import { listApiTokens, type ApiTokenSummary } from "./api-tokens";

export type Account = {
  email: string;
  createdAt: Date;
  /** The digest subscription of the same address, if there is one. */
  subscription: { id: number; status: "pending" | "active" | "unsubscribed"; paused: boolean } | null;
  apiTokens: ApiTokenSummary[];
  sessions: number;
};

export async function getAccount(readerId: number): Promise<Account | null> {
  const reader = await db.reader.findUnique({
    where: { id: readerId },
    select: { email: true, createdAt: true, _count: { select: { sessions: true } } },
  });
  if (!reader) return null;
  const [subscriber, apiTokens] = await Promise.all([
    db.subscriber.findUnique({ where: { email: reader.email }, select: { id: true, status: true, pausedAt: true } }),
    listApiTokens(readerId),
  ]);
  return {
    email: reader.email,
    createdAt: reader.createdAt,
    subscription: subscriber ? { id: subscriber.id, status: subscriber.status, paused: subscriber.pausedAt !== null } : null,
    apiTokens,
    sessions: reader._count.sessions,
  };
}
