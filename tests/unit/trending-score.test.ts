import { describe, expect, it } from "vitest";

import { RECENCY_DAYS_PER_DOUBLING, trendingScore } from "@/lib/papers/trending-score";

describe("trending score", () => {
  it("ranks a paper two days newer level with one that has twice the votes plus one", () => {
    expect(RECENCY_DAYS_PER_DOUBLING).toBe(2);
    expect(trendingScore(1, "2026-11-25")).toBeCloseTo(trendingScore(3, "2026-11-23"), 10);
  });

  it("grows with votes on the same day and with recency at the same votes", () => {
    expect(trendingScore(10, "2026-11-25")).toBeGreaterThan(trendingScore(9, "2026-11-25"));
    expect(trendingScore(0, "2026-11-25")).toBeGreaterThan(trendingScore(0, "2026-11-24"));
  });

  it("lets a much-loved paper outrank a fresh one with no votes", () => {
    expect(trendingScore(100, "2026-11-20")).toBeGreaterThan(trendingScore(0, "2026-11-25"));
  });
});
