import { describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";
import { trendingScore } from "@/lib/papers/trending-score";
import { NEW_VOTERS_PER_NETWORK_PER_DAY, hasUpvoted, setUpvote, type Voter } from "@/lib/papers/upvote-paper";
import { voterNetworkKey } from "@/lib/papers/voter-network";
import { issueVoterToken, voterHashFromToken } from "@/lib/papers/voter-token";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";

const ARXIV_ID = "2405.07863";

let network = 0;
/** A browser with a cookie of its own, on a network of its own unless one is given. */
function newVoter(address = `203.0.${++network}.9`): Voter {
  return { hash: voterHashFromToken(issueVoterToken())!, networkKey: voterNetworkKey(address) };
}

async function votesOf(arxivId: string) {
  return (await db.paper.findUniqueOrThrow({ where: { arxivId }, select: { votes: true } })).votes;
}

describe("upvotes", () => {
  it("counts one vote per browser however often the request is replayed, even concurrently", async () => {
    const before = await votesOf(ARXIV_ID);
    const voter = newVoter();
    const results = await Promise.all(Array.from({ length: 10 }, () => setUpvote(ARXIV_ID, voter, true)));
    expect(results.every((result) => result?.upvoted)).toBe(true);
    expect(await votesOf(ARXIV_ID)).toBe(before + 1);
    expect(await db.upvote.count({ where: { voterHash: voter.hash } })).toBe(1);

    const paper = await db.paper.findUniqueOrThrow({ where: { arxivId: ARXIV_ID } });
    expect(await hasUpvoted(paper.id, voter.hash)).toBe(true);

    await Promise.all([setUpvote(ARXIV_ID, voter, false), setUpvote(ARXIV_ID, voter, false)]);
    expect(await votesOf(ARXIV_ID)).toBe(before);
    expect(await hasUpvoted(paper.id, voter.hash)).toBe(false);
  });

  it("moves the paper up the trending order as votes come in", async () => {
    const before = await db.paper.findUniqueOrThrow({ where: { arxivId: ARXIV_ID }, select: { trendingScore: true } });
    const voter = newVoter();
    await setUpvote(ARXIV_ID, voter, true);
    const after = await db.paper.findUniqueOrThrow({ where: { arxivId: ARXIV_ID }, select: { trendingScore: true } });
    expect(after.trendingScore).toBeGreaterThan(before.trendingScore);
    await setUpvote(ARXIV_ID, voter, false);
  });

  it("returns null for a paper that does not exist", async () => {
    expect(await setUpvote("2405.99999", newVoter(), true)).toBeNull();
  });

  it("lets a scripted farm on one network add a few voters a day and one network to the trending score", async () => {
    const farmed = "2502.03387";
    const select = { upvoteCount: true, upvoteNetworks: true, externalUpvotes: true, listedOn: true, trendingScore: true } as const;
    const before = await db.paper.findUniqueOrThrow({ where: { arxivId: farmed }, select });
    const outcomes: string[] = [];
    for (let i = 0; i < 20; i++) {
      // A fresh cookie per vote and a new address in the same /24, as a script with a small pool would.
      const result = await setUpvote(farmed, newVoter(`198.51.100.${i + 1}`), true).catch((error: unknown) => error);
      outcomes.push(result instanceof AppError ? result.code : "counted");
    }
    expect(outcomes.filter((outcome) => outcome === "counted")).toHaveLength(NEW_VOTERS_PER_NETWORK_PER_DAY);
    expect(outcomes.slice(NEW_VOTERS_PER_NETWORK_PER_DAY).every((outcome) => outcome === "rate_limited")).toBe(true);

    const afterFarm = await db.paper.findUniqueOrThrow({ where: { arxivId: farmed }, select });
    expect(afterFarm.upvoteCount).toBe(before.upvoteCount + NEW_VOTERS_PER_NETWORK_PER_DAY);
    expect(afterFarm.upvoteNetworks).toBe(before.upvoteNetworks + 1);

    // Three readers on three networks weigh three times what the whole farm does.
    for (const address of ["192.0.2.1", "2001:db8:1:2::1", "2001:db8:1:3::1"]) await setUpvote(farmed, newVoter(address), true);
    const after = await db.paper.findUniqueOrThrow({ where: { arxivId: farmed }, select });
    expect(after.upvoteNetworks).toBe(before.upvoteNetworks + 4);
    const listedOn = after.listedOn.toISOString().slice(0, 10);
    expect(after.trendingScore).toBeCloseTo(trendingScore(after.upvoteNetworks + after.externalUpvotes, listedOn), 10);
  });

  it("keeps a network counted while any of its voters still votes", async () => {
    const paper = "2403.15706";
    const [first, second] = [newVoter("203.0.200.1"), newVoter("203.0.200.2")];
    const networksOf = async () =>
      (await db.paper.findUniqueOrThrow({ where: { arxivId: paper }, select: { upvoteNetworks: true } })).upvoteNetworks;
    const before = await networksOf();
    await setUpvote(paper, first, true);
    await setUpvote(paper, second, true);
    expect(await networksOf()).toBe(before + 1);
    await setUpvote(paper, first, false);
    expect(await networksOf()).toBe(before + 1);
    await setUpvote(paper, second, false);
    expect(await networksOf()).toBe(before);
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
