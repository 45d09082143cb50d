import { afterAll, describe, expect, it } from "vitest";

import { insertPapers, insertSubscriber, uniqueWord } from "../support/digest-fixtures";

const { db } = await import("@/lib/db");
const { pruneDigestHistory } = await import("@/lib/digest/prune-digest-history");
const { runDigest } = await import("@/lib/digest/run-digest");
const route = await import("@/app/api/cron/digest-cleanup/route");

const DAY = 86_400_000;
const now = new Date("2031-03-10T09:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);
const subscriberIds: number[] = [];
const paperIds: number[] = [];

afterAll(async () => {
  await db.subscriber.deleteMany({ where: { id: { in: subscriberIds } } });
  await db.paper.deleteMany({ where: { id: { in: paperIds } } });
});

async function reader(topic = uniqueWord()) {
  const subscriber = await insertSubscriber(db, { keywords: [topic] });
  subscriberIds.push(subscriber.id);
  return subscriber;
}

/** A delivery `age` days old with the given outcome, carrying `papers`. */
async function delivery(subscriberId: number, age: number, status: "sent" | "skipped" | "failed" | "claimed", papers: number[] = []) {
  const claimedAt = daysAgo(age);
  const row = await db.digestDelivery.create({
    data: {
      subscriberId,
      periodKey: claimedAt.toISOString().slice(0, 10),
      status,
      windowStart: new Date(claimedAt.getTime() - DAY),
      windowEnd: claimedAt,
      periodEndsAt: new Date(claimedAt.getTime() + DAY),
      claimedAt,
      leaseExpiresAt: status === "claimed" ? new Date(claimedAt.getTime() + 600_000) : null,
      messageId: `<digest.${subscriberId}.${age}@paperpulse.test>`,
      sentAt: status === "sent" ? claimedAt : null,
    },
    select: { id: true },
  });
  await db.digestPaper.createMany({
    data: papers.map((paperId, index) => ({ subscriberId, paperId, deliveryId: row.id, position: index + 1 })),
  });
  return row.id;
}

const remaining = async (ids: number[]) =>
  (await db.digestDelivery.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((row) => row.id).sort((a, b) => a - b);

describe("pruneDigestHistory", () => {
  it("deletes finished deliveries past the retention with their papers, and keeps what dedupe and the next window need", async () => {
    const papers = await insertPapers(db, [
      { title: "Old news", createdAt: daysAgo(201) },
      { title: "Recent news", createdAt: daysAgo(11) },
    ]);
    paperIds.push(...papers.map((paper) => paper.id));
    const [old, recent] = papers.map((paper) => paper.id) as [number, number];

    const active = await reader();
    const oldSent = await delivery(active.id, 200, "sent", [old]);
    const oldSkipped = await delivery(active.id, 150, "skipped");
    const oldFailed = await delivery(active.id, 120, "failed");
    const stillClaimed = await delivery(active.id, 130, "claimed");
    const recentSent = await delivery(active.id, 10, "sent", [recent]);

    const dormant = await reader();
    const dormantOld = await delivery(dormant.id, 300, "failed");
    const dormantLast = await delivery(dormant.id, 200, "skipped");

    const pruned = await pruneDigestHistory({ now });
    expect(pruned.deliveries).toBeGreaterThanOrEqual(4);
    expect(await remaining([oldSent, oldSkipped, oldFailed, stillClaimed, recentSent, dormantOld, dormantLast])).toEqual(
      [stillClaimed, recentSent, dormantLast].sort((a, b) => a - b),
    );
    const carried = await db.digestPaper.findMany({ where: { subscriberId: active.id }, select: { paperId: true } });
    expect(carried.map((row) => row.paperId)).toEqual([recent]);

    // Nothing more to do the second time.
    expect(await pruneDigestHistory({ now })).toEqual({ deliveries: 0 });
  });

  it("deletes a subscriber's deliveries and the papers they carried with the subscriber, and no one else's", async () => {
    const papers = await insertPapers(db, [
      { title: "Carried once", createdAt: daysAgo(3) },
      { title: "Carried twice", createdAt: daysAgo(2) },
    ]);
    paperIds.push(...papers.map((paper) => paper.id));
    const ids = papers.map((paper) => paper.id);
    const leaving = await reader();
    const staying = await reader();
    await delivery(leaving.id, 3, "sent", ids);
    await delivery(leaving.id, 2, "skipped");
    const kept = await delivery(staying.id, 3, "sent", ids);

    await db.subscriber.delete({ where: { id: leaving.id } });

    expect(await db.digestDelivery.count({ where: { subscriberId: leaving.id } })).toBe(0);
    expect(await db.digestPaper.count({ where: { subscriberId: leaving.id } })).toBe(0);
    expect(await db.digestPaper.count({ where: { subscriberId: staying.id, deliveryId: kept } })).toBe(2);
  });

  it("keeps a returning subscriber's last digest, so their next one still looks back as far as it may", async () => {
    const topic = uniqueWord();
    const [paper] = await insertPapers(db, [{ title: `Findings on ${topic}`, createdAt: daysAgo(3) }]);
    paperIds.push(paper!.id);
    const subscriber = await reader(topic);
    await delivery(subscriber.id, 200, "sent");
    await delivery(subscriber.id, 100, "sent");
    await pruneDigestHistory({ now });
    expect(await db.digestDelivery.count({ where: { subscriberId: subscriber.id } })).toBe(1);

    const sent: string[] = [];
    await runDigest({ now, send: async (message) => (sent.push(message.to), { messageId: message.messageId! }) });
    // The paper arrived three days ago: a first digest looks back one day, a returning daily
    // subscriber's up to a week.
    expect(sent).toContain(subscriber.email);
  });

  it("runs from its cron route behind the secret", async () => {
    const call = (headers: Record<string, string>) =>
      route.POST(new Request("http://localhost:3000/api/cron/digest-cleanup", { method: "POST", headers }), undefined);
    expect((await call({})).status).toBe(401);
    const response = await call({ authorization: "Bearer test-cron-secret-0123456789" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ deliveries: expect.any(Number) });
  });
});
