import { describe, expect, it } from "vitest";

import { addDays, periodLabel, periodWindow, todayUtc } from "@/lib/papers/feed-period";

describe("feed periods", () => {
  it("covers the chosen day, the seven days and the thirty days ending on it", () => {
    expect(periodWindow("day", "2026-03-01")).toEqual({ from: "2026-03-01", to: "2026-03-01" });
    expect(periodWindow("week", "2026-03-01")).toEqual({ from: "2026-02-23", to: "2026-03-01" });
    expect(periodWindow("month", "2026-03-01")).toEqual({ from: "2026-01-31", to: "2026-03-01" });
    expect(periodWindow("all", "2026-03-01")).toBeNull();
  });

  it("steps across month, leap-day and year boundaries", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
  });

  it("takes today in UTC, whatever the local clock says", () => {
    expect(todayUtc(new Date("2026-11-25T23:30:00-05:00"))).toBe("2026-11-26");
  });
});

describe("period labels", () => {
  it("speaks of today and this week only while the listing ends today", () => {
    expect(periodLabel("day", undefined, "2026-11-25")).toBe("Today");
    expect(periodLabel("week", "2026-11-25", "2026-11-25")).toBe("This week");
    expect(periodLabel("day", "2025-02-05", "2026-11-25")).toBe("Day");
    expect(periodLabel("month", "2025-02-05", "2026-11-25")).toBe("Month");
    expect(periodLabel("all", "2025-02-05", "2026-11-25")).toBe("All time");
  });
});
