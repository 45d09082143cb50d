import "server-only";

import type { Prisma } from "@/lib/generated/prisma/client";

import type { TopicLists } from "./subscription-input";

/** Makes the subscriber's topics exactly `lists`, in the order given. */
export async function replaceTopics(tx: Prisma.TransactionClient, subscriberId: number, lists: TopicLists): Promise<void> {
  const rows = [
    ...lists.topics.map((value, position) => ({ subscriberId, kind: "keyword" as const, value, position })),
    ...lists.categories.map((value, position) => ({ subscriberId, kind: "category" as const, value, position })),
    ...lists.authors.map((value, position) => ({ subscriberId, kind: "author" as const, value, position })),
  ];
  await tx.subscriberTopic.deleteMany({ where: { subscriberId } });
  if (rows.length) await tx.subscriberTopic.createMany({ data: rows });
}
