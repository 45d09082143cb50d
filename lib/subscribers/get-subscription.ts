import "server-only";

import { db } from "@/lib/db";
import type { TokenPurpose } from "@/lib/generated/prisma/enums";

import { checkToken, type TokenFailure } from "./check-token";
import type { Preferences } from "./subscription-input";

export type Subscription = Preferences & {
  email: string;
  status: "pending" | "active" | "unsubscribed";
  paused: null | { since: Date; reason: "requested" | "bounced" };
};

export type SubscriptionLookup = { ok: true; subscription: Subscription } | { ok: false; reason: TokenFailure };

/** The subscription a link token belongs to, for the pages its links open. */
export async function getSubscriptionByToken(token: string | undefined, purposes: TokenPurpose[]): Promise<SubscriptionLookup> {
  const check = await checkToken(token, purposes);
  if (!check.ok) return check;
  const row = await db.subscriber.findUnique({
    where: { id: check.subscriberId },
    select: {
      email: true,
      status: true,
      frequency: true,
      weekday: true,
      timeZone: true,
      maxPapers: true,
      sendWhenQuiet: true,
      pausedAt: true,
      pauseReason: true,
      topics: { select: { kind: true, value: true }, orderBy: { position: "asc" } },
    },
  });
  if (!row) return { ok: false, reason: "invalid" };
  const { topics, pausedAt, pauseReason, ...rest } = row;
  const values = (kind: string) => topics.filter((topic) => topic.kind === kind).map((topic) => topic.value);
  return {
    ok: true,
    subscription: {
      ...rest,
      paused: pausedAt && pauseReason ? { since: pausedAt, reason: pauseReason } : null,
      topics: values("keyword"),
      categories: values("category"),
      authors: values("author"),
    },
  };
}
