import { afterAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { digestFollow, followTopic } from "@/lib/subscribers/follow-topic";
import { MAX_CATEGORIES } from "@/lib/subscribers/subscription-input";

import { insertSubscriber } from "../support/digest-fixtures";

const created: number[] = [];

async function subscriber(options: Parameters<typeof insertSubscriber>[1]) {
  const row = await insertSubscriber(db, options);
  created.push(row.id);
  return row;
}

const topicsOf = (subscriberId: number) =>
  db.subscriberTopic.findMany({
    where: { subscriberId },
    orderBy: [{ kind: "asc" }, { position: "asc" }],
    select: { kind: true, value: true },
  });

afterAll(async () => {
  await db.subscriber.deleteMany({ where: { id: { in: created } } });
});

describe("following an author or a category into a digest", () => {
  it("adds the target after the digest's own topics of that kind, once", async () => {
    const { id, email } = await subscriber({ keywords: ["diffusion"], authors: ["Ada Lovelace"] });
    const target = { kind: "author" as const, value: "Louis Kirsch" };
    expect(await digestFollow(email, target)).toBe("can-follow");
    expect(await followTopic(email, target)).toBe("following");
    expect(await followTopic(email, target)).toBe("following");
    expect(await digestFollow(email, target)).toBe("following");
    expect(await followTopic(email, { kind: "category", value: "cs.CL" })).toBe("following");
    expect(await topicsOf(id)).toEqual([
      { kind: "keyword", value: "diffusion" },
      { kind: "category", value: "cs.CL" },
      { kind: "author", value: "Ada Lovelace" },
      { kind: "author", value: "Louis Kirsch" },
    ]);
  });

  it("keeps within the digest's limit, also when follows arrive at once", async () => {
    // One place left of MAX_CATEGORIES (20), and three follows racing for it.
    const categories = ["cs.AI", "cs.CL", "cs.CV", "cs.LG", "cs.NE", "cs.IR", "cs.RO", "cs.CR", "cs.DS", "cs.SE"].concat(
      ["AG", "AT", "CO", "CT", "DG", "GT", "NT", "OC", "PR"].map((area) => `math.${area}`),
    );
    const { id, email } = await subscriber({ categories });
    const extra = ["stat.ML", "stat.ME", "q-bio.NC"];
    const results = await Promise.all(extra.map((value) => followTopic(email, { kind: "category", value })));
    expect(results.filter((result) => result === "following")).toHaveLength(1);
    expect(results.filter((result) => result === "full")).toHaveLength(2);
    expect(await db.subscriberTopic.count({ where: { subscriberId: id, kind: "category" } })).toBe(MAX_CATEGORIES);
    expect(await digestFollow(email, { kind: "category", value: "hep-th" })).toBe("full");
  });

  it("leaves addresses without a live digest to the subscribe page", async () => {
    const { id, email } = await subscriber({ status: "unsubscribed" });
    const target = { kind: "author" as const, value: "Louis Kirsch" };
    expect(await digestFollow(email, target)).toBeNull();
    expect(await followTopic(email, target)).toBeNull();
    expect(await followTopic("nobody-here@example.org", target)).toBeNull();
    expect(await topicsOf(id)).toEqual([]);
    const pending = await subscriber({ status: "pending" });
    expect(await followTopic(pending.email, target)).toBe("following");
  });
});
