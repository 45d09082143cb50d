import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { POST as subscribeRoute } from "@/app/api/subscriptions/route";
import { POST as unsubscribeRoute } from "@/app/api/subscriptions/unsubscribe/route";
import { db } from "@/lib/db";

// Rejected requests must leave no trace: no subscriber, no topic, no token, no mail.
async function storedRows() {
  const [subscribers, topics, tokens, outbox] = await Promise.all([
    db.subscriber.count(),
    db.subscriberTopic.count(),
    db.subscriberToken.count(),
    db.outboxMessage.count(),
  ]);
  return { subscribers, topics, tokens, outbox };
}

const hostile = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 80 }),
  fc.constantFrom(
    "",
    "not-an-email",
    "a@b",
    "<script>@x.y",
    "x'; DROP TABLE subscriber; --@evil.test",
    `${"a".repeat(300)}@example.com`,
    "😀@😀.😀",
  ),
  fc.integer(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
);

// Bodies that are wrong somewhere: a bad address, or a good one with a bad field beside it.
const invalidBody = fc.oneof(
  fc.anything({ maxDepth: 2 }).filter((value) => typeof value !== "object" || value === null || Array.isArray(value)),
  fc.record({ email: hostile, frequency: fc.option(hostile), topics: fc.option(fc.anything({ maxDepth: 2 })) }),
  fc.record({
    email: fc.constant("valid.reader@example.com"),
    frequency: fc.constantFrom("hourly", "", 7, null, ["daily"]),
  }),
  fc.record({
    email: fc.constant("valid.reader@example.com"),
    topics: fc.oneof(
      fc.constant(Array.from({ length: 500 }, (_, i) => `topic ${i}`)),
      fc.constant(["x".repeat(5_000)]),
      fc.constant("diffusion"),
    ),
  }),
);

describe("hostile input", () => {
  it("stores nothing from a rejected subscription request", async () => {
    const before = await storedRows();
    let tried = 0;
    await fc.assert(
      fc.asyncProperty(invalidBody, fc.ipV4(), async (body, ip) => {
        tried++;
        const response = await subscribeRoute(
          new Request("http://localhost:3000/api/subscriptions", {
            method: "POST",
            headers: { "content-type": "application/json", "x-forwarded-for": ip },
            body: JSON.stringify(body) ?? "undefined",
          }),
          undefined,
        );
        expect([400, 429]).toContain(response.status);
        const json = await response.json();
        expect(json.error.message).toEqual(expect.any(String));
      }),
      { numRuns: 300 },
    );
    expect(tried).toBe(300);
    expect(await storedRows()).toEqual(before);
  });

  it("changes nothing for forged unsubscribe tokens", async () => {
    const before = await db.subscriber.groupBy({ by: ["status"], _count: true });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ maxLength: 200 }), fc.stringMatching(/^[A-Za-z0-9_-]{20,60}\.[A-Za-z0-9_-]{40,50}$/)),
        async (token) => {
          const response = await unsubscribeRoute(
            new Request(`http://localhost:3000/api/subscriptions/unsubscribe?${new URLSearchParams({ token })}`, {
              method: "POST",
              body: "List-Unsubscribe=One-Click",
            }),
            undefined,
          );
          expect(response.status).toBeLessThan(500);
        },
      ),
      { numRuns: 200 },
    );
    expect(await db.subscriber.groupBy({ by: ["status"], _count: true })).toEqual(before);
  });
});

describe("control characters", () => {
  it("drops NUL and other control characters from topics and authors instead of failing in PostgreSQL", async () => {
    const { GET: previewRoute } = await import("@/app/api/subscriptions/preview/route");
    for (const query of ["topics=%00", "authors=%00%01", "topics=%00diffusion%07"]) {
      const response = await previewRoute(new Request(`http://localhost:3000/api/subscriptions/preview?${query}`), undefined);
      expect(response.status, query).toBeLessThan(500);
    }
    const empty = await previewRoute(new Request("http://localhost:3000/api/subscriptions/preview?topics=%00"), undefined);
    expect(empty.status).toBe(400);
    expect((await empty.json()).error.message).toContain("A topic cannot be empty.");

    const email = `control-${Date.now()}@example.org`;
    const response = await subscribeRoute(
      new Request("http://localhost:3000/api/subscriptions", {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": "192.0.2.77" },
        body: JSON.stringify({ email, topics: ["\u0000graph\u0000 networks"], authors: ["Ada\u0007 Lovelace"] }),
      }),
      undefined,
    );
    expect(response.status).toBe(202);
    const { afterResponseWorkDone } = await import("@/lib/http/run-after-response");
    await afterResponseWorkDone(); // subscribing answers first and works after
    const topics = await db.subscriberTopic.findMany({ where: { subscriber: { email } }, orderBy: { position: "asc" } });
    expect(topics.map((topic) => topic.value).sort()).toEqual(["Ada Lovelace", "graph networks"]);
    await db.subscriber.delete({ where: { email } });
  });
});

describe("search", () => {
  it("answers any query, with partial matches, questions and the vocabulary in play, without a 500", async () => {
    const { GET: searchRoute } = await import("@/app/api/search/route");
    // Stop words make a query a question, ranked full and partial matches together.
    const words = fc.constantFrom(
      "how",
      "do",
      "the",
      "LeanAgent",
      "LLM",
      "LLMs",
      "agents",
      "math",
      "reasoning",
      "(RLHF)",
      "in-context",
      "-",
      "'",
      "&",
      "|",
      "!",
      ":*",
      "<->",
      "\\",
      "\u0000",
      "é",
    );
    const query = fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 60 }),
      fc.array(words, { minLength: 1, maxLength: 12 }).map((list) => list.join(" ")),
    );
    await fc.assert(
      fc.asyncProperty(query, fc.constantFrom("relevance", "newest"), async (q, sort) => {
        const url = new URL("http://localhost:3000/api/search");
        url.searchParams.set("q", q);
        url.searchParams.set("sort", sort);
        const response = await searchRoute(new Request(url), undefined);
        expect(response.status, q).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
  });
});
