import { describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";
import { hasUpvoted, setUpvote } from "@/lib/papers/upvote-paper";
import { issueVoterToken, voterHashFromToken } from "@/lib/papers/voter-token";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";

const ARXIV_ID = "2405.07863";

async function votesOf(arxivId: string) {
  return (await db.paper.findUniqueOrThrow({ where: { arxivId }, select: { votes: true } })).votes;
}

describe("upvotes", () => {
  it("counts one vote per browser however often the request is replayed, even concurrently", async () => {
    const before = await votesOf(ARXIV_ID);
    const voter = voterHashFromToken(issueVoterToken())!;
    const results = await Promise.all(Array.from({ length: 10 }, () => setUpvote(ARXIV_ID, voter, true)));
    expect(results.every((result) => result?.upvoted)).toBe(true);
    expect(await votesOf(ARXIV_ID)).toBe(before + 1);
    expect(await db.upvote.count({ where: { voterHash: voter } })).toBe(1);

    const paper = await db.paper.findUniqueOrThrow({ where: { arxivId: ARXIV_ID } });
    expect(await hasUpvoted(paper.id, voter)).toBe(true);

    await Promise.all([setUpvote(ARXIV_ID, voter, false), setUpvote(ARXIV_ID, voter, false)]);
    expect(await votesOf(ARXIV_ID)).toBe(before);
    expect(await hasUpvoted(paper.id, voter)).toBe(false);
  });

  it("moves the paper up the trending order as votes come in", async () => {
    const before = await db.paper.findUniqueOrThrow({ where: { arxivId: ARXIV_ID }, select: { trendingScore: true } });
    const voter = voterHashFromToken(issueVoterToken())!;
    await setUpvote(ARXIV_ID, voter, true);
    const after = await db.paper.findUniqueOrThrow({ where: { arxivId: ARXIV_ID }, select: { trendingScore: true } });
    expect(after.trendingScore).toBeGreaterThan(before.trendingScore);
    await setUpvote(ARXIV_ID, voter, false);
  });

  it("returns null for a paper that does not exist", async () => {
    expect(await setUpvote("2405.99999", voterHashFromToken(issueVoterToken())!, true)).toBeNull();
  });

  it("accepts only voter tokens we signed", () => {
    const token = issueVoterToken();
    const [id, signature] = token.split(".");
    expect(voterHashFromToken(token)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(voterHashFromToken(`${id}.${signature!.slice(0, -2)}AA`)).toBeNull();
    expect(voterHashFromToken(`other.${signature}`)).toBeNull();
    expect(voterHashFromToken(id)).toBeNull();
    expect(voterHashFromToken(`${token}.extra`)).toBeNull();
    expect(voterHashFromToken(undefined)).toBeNull();
  });
});

describe("rate limits", () => {
  it("lets the limit through, then refuses with a retry delay", async () => {
    const rule = { name: `test-${Date.now()}`, limit: 3, windowSeconds: 60 };
    for (let i = 0; i < 3; i++) await consumeRateLimit(rule, "203.0.113.7");
    const refused = await consumeRateLimit(rule, "203.0.113.7").catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).status).toBe(429);
    expect((refused as AppError).details?.retryAfterSeconds).toBeGreaterThan(0);
    expect((refused as AppError).details?.retryAfterSeconds).toBeLessThanOrEqual(60);
    await expect(consumeRateLimit(rule, "203.0.113.8")).resolves.toBeUndefined();
  });

  it("counts concurrent requests exactly, as several app instances would send them", async () => {
    const rule = { name: `test-concurrent-${Date.now()}`, limit: 5, windowSeconds: 60 };
    const outcomes = await Promise.allSettled(Array.from({ length: 12 }, () => consumeRateLimit(rule, "198.51.100.1")));
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(5);
  });

  it("stores only a hash of the subject", async () => {
    const rule = { name: `test-privacy-${Date.now()}`, limit: 1, windowSeconds: 60 };
    await consumeRateLimit(rule, "someone@example.com");
    const rows = await db.rateLimit.findMany({ where: { key: { startsWith: rule.name } } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.key).not.toContain("someone");
  });
});
