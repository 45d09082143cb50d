import { describe, expect, it } from "vitest";

import {
  addDays,
  describePeriod,
  isoWeekOf,
  parsePeriodDate,
  periodLabel,
  periodParam,
  periodWindow,
  todayUtc,
} from "@/lib/papers/feed-period";

describe("feed periods", () => {
  it("covers the chosen day, the ISO week and the calendar month holding it", () => {
    expect(periodWindow("day", "2026-03-01")).toEqual({ from: "2026-03-01", to: "2026-03-01" });
    expect(periodWindow("week", "2026-03-01")).toEqual({ from: "2026-02-23", to: "2026-03-01" });
    expect(periodWindow("week", "2026-03-02")).toEqual({ from: "2026-03-02", to: "2026-03-08" });
    expect(periodWindow("month", "2026-03-17")).toEqual({ from: "2026-03-01", to: "2026-03-31" });
    expect(periodWindow("month", "2024-02-10")).toEqual({ from: "2024-02-01", to: "2024-02-29" });
    expect(periodWindow("month", "2025-12-31")).toEqual({ from: "2025-12-01", to: "2025-12-31" });
    expect(periodWindow("all", "2026-03-01")).toBeNull();
  });

  it("numbers weeks the ISO way, across year ends", () => {
    expect(isoWeekOf("2025-02-10")).toBe("2025-W07");
    expect(isoWeekOf("2024-12-30")).toBe("2025-W01");
    expect(isoWeekOf("2021-01-03")).toBe("2020-W53");
    expect(isoWeekOf("2026-12-31")).toBe("2026-W53");
  });

  it("reads a day, a month or an ISO week from the URL and writes each period back the same way", () => {
    expect(parsePeriodDate("2025-02-10")).toBe("2025-02-10");
    expect(parsePeriodDate("2025-02")).toBe("2025-02-01");
    expect(parsePeriodDate("2025-W07")).toBe("2025-02-10");
    expect(parsePeriodDate("2020-W53")).toBe("2020-12-28");
    for (const bad of ["2025-02-30", "2025-13", "2025-W00", "2025-W53", "2025-2-1", "yesterday", "2025-W7"]) {
      expect(parsePeriodDate(bad), bad).toBeNull();
    }
    expect(periodParam("day", "2025-02-10")).toBe("2025-02-10");
    expect(periodParam("week", "2025-02-12")).toBe("2025-W07");
    expect(periodParam("month", "2025-02-12")).toBe("2025-02");
    expect(describePeriod("week", "2025-02-12")).toBe("Week 7 of 2025");
    expect(describePeriod("month", "2025-02-12")).toBe("February 2025");
    expect(describePeriod("day", "2025-02-12")).toBe("Feb 12, 2025");
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
  it("speaks of today, this week and this month only while the period holds today", () => {
    expect(periodLabel("day", undefined, "2026-11-25")).toBe("Today");
    expect(periodLabel("week", "2026-11-23", "2026-11-25")).toBe("This week");
    expect(periodLabel("month", "2026-11-01", "2026-11-25")).toBe("This month");
    expect(periodLabel("day", "2025-02-05", "2026-11-25")).toBe("Day");
    expect(periodLabel("week", "2026-11-16", "2026-11-25")).toBe("Week");
    expect(periodLabel("month", "2025-02-05", "2026-11-25")).toBe("Month");
    expect(periodLabel("all", "2025-02-05", "2026-11-25")).toBe("All time");
  });
});
