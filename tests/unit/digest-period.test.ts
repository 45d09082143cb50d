import { describe, expect, it } from "vitest";

import { digestPeriod, isoWeekKey, periodKey } from "@/lib/digest/digest-period";
import { startOfZonedDay, zonedParts } from "@/lib/digest/zoned-time";

const at = (iso: string) => new Date(iso);

describe("period keys", () => {
  it("names a day and an ISO week in UTC", () => {
    expect(periodKey("daily", at("2026-11-25T12:00:00Z"), "UTC")).toBe("2026-11-25");
    expect(periodKey("weekly", at("2026-11-25T12:00:00Z"), "UTC")).toBe("2026-W48");
  });

  it("counts the day in the subscriber's time zone, not in UTC", () => {
    expect(periodKey("daily", at("2026-11-25T05:00:00Z"), "America/Los_Angeles")).toBe("2026-11-24");
    expect(periodKey("daily", at("2026-11-24T16:00:00Z"), "Asia/Tokyo")).toBe("2026-11-25");
    expect(periodKey("daily", at("2026-11-25T10:30:00Z"), "Pacific/Kiritimati")).toBe("2026-11-26");
    expect(periodKey("daily", at("2026-11-25T10:30:00Z"), "Pacific/Pago_Pago")).toBe("2026-11-24");
  });

  it("puts the turn of the year in the ISO week that holds its Thursday", () => {
    expect(isoWeekKey(2027, 1, 1)).toBe("2026-W53");
    expect(isoWeekKey(2024, 12, 30)).toBe("2025-W01");
    expect(isoWeekKey(2026, 1, 1)).toBe("2026-W01");
    expect(isoWeekKey(2021, 1, 3)).toBe("2020-W53");
  });

  it("starts a weekly period on Monday in the subscriber's zone", () => {
    // Sunday 23:30 in New York is already Monday in UTC.
    expect(periodKey("weekly", at("2026-11-30T04:30:00Z"), "America/New_York")).toBe("2026-W48");
    expect(periodKey("weekly", at("2026-11-30T04:30:00Z"), "UTC")).toBe("2026-W49");
  });

  it("treats a time zone the runtime does not know as UTC", () => {
    expect(periodKey("daily", at("2026-11-25T23:30:00Z"), "Mars/Olympus_Mons")).toBe("2026-11-25");
  });
});

describe("period bounds across DST", () => {
  it("gives the spring-forward day 23 hours and the fall-back day 25", () => {
    const spring = digestPeriod("daily", at("2026-03-08T12:00:00Z"), "America/New_York");
    expect(spring).toEqual({ key: "2026-03-08", startsAt: at("2026-03-08T05:00:00Z"), endsAt: at("2026-03-09T04:00:00Z") });
    const fall = digestPeriod("daily", at("2026-11-01T12:00:00Z"), "America/New_York");
    expect(fall).toEqual({ key: "2026-11-01", startsAt: at("2026-11-01T04:00:00Z"), endsAt: at("2026-11-02T05:00:00Z") });
  });

  it("spans a week of 167 hours when the clocks go forward inside it", () => {
    const week = digestPeriod("weekly", at("2026-03-05T12:00:00Z"), "America/New_York");
    expect(week.key).toBe("2026-W10");
    expect(week.startsAt).toEqual(at("2026-03-02T05:00:00Z"));
    expect(week.endsAt).toEqual(at("2026-03-09T04:00:00Z"));
  });

  it("starts a day whose midnight DST skips at its first real minute", () => {
    // São Paulo moved its clocks from 00:00 to 01:00 on 2018-11-04.
    const start = startOfZonedDay("2018-11-04", "America/Sao_Paulo");
    expect(start).toEqual(at("2018-11-04T03:00:00Z"));
    expect(zonedParts(start, "America/Sao_Paulo")).toMatchObject({ day: 4, hour: 1, minute: 0 });
  });

  it("handles half-hour and quarter-hour offsets", () => {
    expect(startOfZonedDay("2026-11-25", "Asia/Kolkata")).toEqual(at("2026-11-24T18:30:00Z"));
    expect(startOfZonedDay("2026-11-25", "Asia/Kathmandu")).toEqual(at("2026-11-24T18:15:00Z"));
  });
});
