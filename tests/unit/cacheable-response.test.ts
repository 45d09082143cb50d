import { describe, expect, it } from "vitest";

import { CACHE_POLICIES, cacheControl, cacheableJson, entityTag, matchesIfNoneMatch } from "@/lib/http/cacheable-response";

const get = (headers: Record<string, string> = {}) => new Request("http://localhost/api/papers", { headers });

describe("cacheable responses", () => {
  it("say how long shared caches keep them and how long they may serve them stale", () => {
    expect(cacheControl(CACHE_POLICIES.search)).toBe("public, max-age=0, s-maxage=60, stale-while-revalidate=600");
    for (const policy of Object.values(CACHE_POLICIES)) {
      expect(policy.sharedSeconds).toBeGreaterThan(0);
      expect(policy.staleSeconds).toBeGreaterThanOrEqual(policy.sharedSeconds);
    }
  });

  it("tag equal bodies alike and different bodies apart", () => {
    expect(entityTag('{"a":1}')).toBe(entityTag('{"a":1}'));
    expect(entityTag('{"a":1}')).not.toBe(entityTag('{"a":2}'));
    expect(entityTag("x")).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
  });

  it("match If-None-Match lists, weak tags and the wildcard", () => {
    const tag = entityTag("body");
    expect(matchesIfNoneMatch(null, tag)).toBe(false);
    expect(matchesIfNoneMatch(tag, tag)).toBe(true);
    expect(matchesIfNoneMatch(`"other", W/${tag}`, tag)).toBe(true);
    expect(matchesIfNoneMatch("*", tag)).toBe(true);
    expect(matchesIfNoneMatch('"other"', tag)).toBe(false);
  });

  it("answer 304 without a body when the client already has this version", async () => {
    const first = cacheableJson(get(), { papers: [1, 2] }, CACHE_POLICIES.trending);
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe("application/json");
    const tag = first.headers.get("etag")!;
    const again = cacheableJson(get({ "if-none-match": tag }), { papers: [1, 2] }, CACHE_POLICIES.trending);
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(tag);
    expect(again.headers.get("cache-control")).toBe(first.headers.get("cache-control"));
    expect(await again.text()).toBe("");
    const changed = cacheableJson(get({ "if-none-match": tag }), { papers: [1, 3] }, CACHE_POLICIES.trending);
    expect(changed.status).toBe(200);
    expect(await changed.json()).toEqual({ papers: [1, 3] });
  });
});
