import "server-only";

import { db } from "@/lib/db";
import { readDb } from "@/lib/db-read";

import { MAX_AUTHORS, MAX_CATEGORIES } from "./subscription-input";

/** An author (by the exact name papers list) or an arXiv category a digest can follow. */
export type FollowTarget = { kind: "author" | "category"; value: string };

/** Where a signed-in reader's digest stands on a target; null when the address has no live digest. */
export type DigestFollow = "following" | "can-follow" | "full" | null;

const LIMITS = { author: MAX_AUTHORS, category: MAX_CATEGORIES } as const;

/**
 * The digest of the subscriber with this address (the reader with the same email is the same
 * person), pending or active; an unsubscribed one is followed through the subscribe page again.
 */
export async function digestFollow(email: string, target: FollowTarget): Promise<DigestFollow> {
  const [row] = await readDb.$queryRaw<{ following: boolean; count: number }[]>`
    SELECT coalesce(bool_or(t.value = ${target.value}), false) AS following, count(t.value)::int AS count
    FROM subscriber s
    LEFT JOIN subscriber_topic t ON t.subscriber_id = s.id AND t.kind = ${target.kind}::topic_kind
    WHERE s.email = ${email} AND s.status IN ('pending', 'active')
    GROUP BY s.id`;
  if (!row) return null;
  if (row.following) return "following";
  return row.count < LIMITS[target.kind] ? "can-follow" : "full";
}

/**
 * Adds the target to the end of the digest's list of its kind, within the list's limit. The
 * subscriber row is locked so two follows at once cannot both take the last place.
 */
export async function followTopic(email: string, target: FollowTarget): Promise<DigestFollow> {
  return db.$transaction(async (tx) => {
    const [subscriber] = await tx.$queryRaw<{ id: number }[]>`
      SELECT id FROM subscriber WHERE email = ${email} AND status IN ('pending', 'active') FOR UPDATE`;
    if (!subscriber) return null;
    const topics = await tx.subscriberTopic.findMany({
      where: { subscriberId: subscriber.id, kind: target.kind },
      select: { value: true, position: true },
    });
    if (topics.some((topic) => topic.value === target.value)) return "following";
    if (topics.length >= LIMITS[target.kind]) return "full";
    const position = Math.max(-1, ...topics.map((topic) => topic.position)) + 1;
    await tx.subscriberTopic.create({ data: { subscriberId: subscriber.id, ...target, position } });
    return "following";
  });
}

/** The subscribe page, prefilled to follow the target: how anyone without a digest follows it. */
export function subscribeHref(target: FollowTarget): string {
  return `/subscribe?${new URLSearchParams({ [target.kind]: target.value })}`;
}
