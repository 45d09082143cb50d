import { describe, expect, it } from "vitest";

import { RELEVANCE_CANDIDATES } from "@/lib/search/ranking";
import { recentWindowStart } from "@/lib/search/search-sql";

// A million papers listed evenly over 1,000 days: 1,000 a day.
const corpus = { papers: 1_000_000, firstDay: "2024-03-01", lastDay: "2026-11-25" };

describe("recentWindowStart", () => {
  it("sizes the window to hold three times the candidates by the estimate, ending on the newest day", () => {
    // 5% match: 3 × 1,000 candidates need 60,000 papers, 60 days.
    expect(recentWindowStart(50_000, corpus)).toBe("2026-09-27");
    expect(recentWindowStart(100_000, corpus)).toBe("2026-10-27");
  });

  it("uses no window for a query with too few matches for one to save work", () => {
    expect(recentWindowStart(6 * RELEVANCE_CANDIDATES - 1, corpus)).toBeNull();
    expect(recentWindowStart(0, { ...corpus, papers: 0 })).toBeNull();
  });

  it("uses no window that would span every listing day", () => {
    expect(recentWindowStart(10_000, { papers: 10_000, firstDay: "2026-11-25", lastDay: "2026-11-25" })).toBeNull();
    expect(recentWindowStart(10_000, { papers: 10_000, firstDay: "2026-11-24", lastDay: "2026-11-25" })).toBe("2026-11-25");
  });
});
