import { describe, expect, it } from "vitest";

import { RELEVANCE_CANDIDATES } from "@/lib/search/ranking";
import { isBroadQuery, isWorthSampling, recentWindowStart, scaledRecentMatches } from "@/lib/search/search-window";

// A million papers, 1,000 a day lately (30,000 in the last 30 days), listed since 2016.
const corpus = { papers: 1_000_000, firstDay: "2016-01-01", lastDay: "2026-11-25", recentPapers: 30_000 };

describe("recentWindowStart", () => {
  it("sizes the window by recent days to hold three times the candidates, ending on the newest day", () => {
    // 5% match: 3 × 1,000 candidates need 60,000 papers, 60 days at 1,000 a day.
    expect(recentWindowStart(50_000, corpus)).toBe("2026-09-27");
    expect(recentWindowStart(100_000, corpus)).toBe("2026-10-27");
    // Twice as dense lately: half the days.
    expect(recentWindowStart(50_000, { ...corpus, recentPapers: 60_000 })).toBe("2026-10-27");
  });

  it("uses no window for a query with too few matches for one to save work", () => {
    expect(recentWindowStart(6 * RELEVANCE_CANDIDATES - 1, corpus)).toBeNull();
    expect(recentWindowStart(50_000, { ...corpus, papers: 0, recentPapers: 0 })).toBeNull();
  });

  it("uses no window reaching back to the first listing day", () => {
    expect(recentWindowStart(50_000, { ...corpus, firstDay: "2026-09-27" })).toBeNull();
    expect(recentWindowStart(50_000, { ...corpus, firstDay: "2026-09-26" })).toBe("2026-09-27");
  });
});

describe("isBroadQuery", () => {
  it("walks the date index for a query a tenth of the papers match", () => {
    expect(isBroadQuery(100_000, 1_000_000)).toBe(true);
    expect(isBroadQuery(99_999, 1_000_000)).toBe(false);
  });

  it("walks for common words that match few papers together, once their lists outweigh the walk", () => {
    // Six words in 85 %, 79 %, 77 %, 42 %, 99 % and 31 % of papers, 7 % together: 3.5 lists of the corpus.
    expect(isBroadQuery(70_000, 1_000_000, 3_500_000)).toBe(true);
    // The walk tests as many papers in a smaller corpus, whose lists are shorter.
    expect(isBroadQuery(7_000, 100_000, 350_000)).toBe(false);
  });

  it("gathers from GIN when it looks up a rare term only", () => {
    expect(isBroadQuery(61_697, 1_000_000, 90_000)).toBe(false);
  });
});

describe("isWorthSampling", () => {
  it("counts recent matches when the estimate may be the planner's guess for an unlisted word and no window is planned", () => {
    // The planner puts such a word at 0.5 % of papers: 5,000 of a million.
    expect(isWorthSampling(5_000, corpus)).toBe(true);
    expect(isWorthSampling(4_000, corpus)).toBe(false);
    // A window is planned already.
    expect(isWorthSampling(50_000, corpus)).toBe(false);
  });

  it("never counts in a corpus too small for a window below the broad share", () => {
    expect(isWorthSampling(250, { ...corpus, papers: 50_000, recentPapers: 1_500 })).toBe(false);
    expect(isWorthSampling(5_000, { ...corpus, recentPapers: 0 })).toBe(false);
  });
});

describe("scaledRecentMatches", () => {
  it("scales the recent matches by the corpus's size over the recent papers", () => {
    // "Belkin" in 2.4 % of papers: 720 of the 30,000 recent ones.
    expect(scaledRecentMatches(720, corpus)).toBe(24_000);
    // 3,000 candidates then need 125,000 papers: 125 days at 1,000 a day.
    expect(recentWindowStart(scaledRecentMatches(720, corpus), corpus)).toBe("2026-07-24");
    expect(scaledRecentMatches(720, { ...corpus, recentPapers: 0 })).toBe(0);
  });
});
