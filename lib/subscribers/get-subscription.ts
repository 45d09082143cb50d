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

/** A subscriber's digest preferences and state, as the manage pages and the data export read them. */
export const SUBSCRIPTION_SELECT = {
  status: true,
  frequency: true,
  weekday: true,
  timeZone: true,
  maxPapers: true,
  sendWhenQuiet: true,
  pausedAt: true,
  topics: { select: { kind: true, value: true }, orderBy: { position: "asc" } },
} as const;

/** The subscription a link token belongs to, for the pages its links open. */
export async function getSubscriptionByToken(token: string | undefined, purposes: TokenPurpose[]): Promise<SubscriptionLookup> {
  const check = await checkToken(token, purposes);
  if (!check.ok) return check;
  const row = await db.subscriber.findUnique({
    where: { id: check.subscriberId },
    select: { ...SUBSCRIPTION_SELECT, email: true, pauseReason: true },
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
