import { describe, expect, it } from "vitest";

import { duePeriod, type DueInput } from "@/lib/digest/due-period";

const at = (iso: string) => new Date(iso);
const daily = (timeZone = "UTC", lastClaimedAt: Date | null = null): DueInput => ({
  frequency: "daily",
  weekday: 1,
  timeZone,
  lastClaimedAt,
});
const weekly = (weekday: number, timeZone = "UTC", lastClaimedAt: Date | null = null): DueInput => ({
  frequency: "weekly",
  weekday,
  timeZone,
  lastClaimedAt,
});

describe("who is due a digest", () => {
  it("makes a daily subscriber with no digest yet due today", () => {
    expect(duePeriod(daily(), at("2026-11-25T09:00:00Z"))).toBe("2026-11-25");
  });

  it("makes a daily subscriber due once per local day", () => {
    const claimed = at("2026-11-25T00:10:00Z");
    expect(duePeriod(daily("UTC", claimed), at("2026-11-25T23:59:00Z"))).toBeNull();
    expect(duePeriod(daily("UTC", claimed), at("2026-11-26T00:00:00Z"))).toBe("2026-11-26");
  });

  it("starts the next day at the subscriber's midnight, not UTC's", () => {
    // 06:00 UTC is 22:00 the day before in Los Angeles; 09:00 UTC is 01:00 the next local day.
    const claimed = at("2026-11-25T06:00:00Z");
    expect(duePeriod(daily("America/Los_Angeles", claimed), at("2026-11-25T09:00:00Z"))).toBe("2026-11-25");
    expect(duePeriod(daily("UTC", claimed), at("2026-11-25T09:00:00Z"))).toBeNull();
    expect(duePeriod(daily("Asia/Tokyo", at("2026-11-24T14:00:00Z")), at("2026-11-24T16:00:00Z"))).toBe("2026-11-25");
  });

  it("makes weekly subscribers due on their weekday in their zone only", () => {
    // Wednesday 02:00 UTC is Tuesday 18:00 in Los Angeles.
    const now = at("2026-11-25T02:00:00Z");
    expect(duePeriod(weekly(3), now)).toBe("2026-W48");
    expect(duePeriod(weekly(4), now)).toBeNull();
    expect(duePeriod(weekly(3, "America/Los_Angeles"), now)).toBeNull();
    expect(duePeriod(weekly(2, "America/Los_Angeles"), now)).toBe("2026-W48");
  });

  it("sends a weekly digest once even if the weekday is processed twice", () => {
    const claimed = at("2026-11-25T00:05:00Z");
    expect(duePeriod(weekly(3, "UTC", claimed), at("2026-11-25T20:00:00Z"))).toBeNull();
    expect(duePeriod(weekly(3, "UTC", claimed), at("2026-12-02T00:05:00Z"))).toBe("2026-W49");
  });

  it("waits for the send hour in the subscriber's zone", () => {
    // 13:30 UTC is 05:30 in Los Angeles (PST, UTC−8).
    expect(duePeriod(daily("America/Los_Angeles"), at("2026-11-25T13:30:00Z"), 6)).toBeNull();
    expect(duePeriod(daily("America/Los_Angeles"), at("2026-11-25T14:00:00Z"), 6)).toBe("2026-11-25");
  });

  it("does not double up when a subscriber switches frequency mid-period", () => {
    const claimedAsDaily = at("2026-11-23T08:00:00Z");
    expect(duePeriod(weekly(3, "UTC", claimedAsDaily), at("2026-11-25T08:00:00Z"))).toBeNull();
    const claimedAsWeekly = at("2026-11-25T08:00:00Z");
    expect(duePeriod(daily("UTC", claimedAsWeekly), at("2026-11-25T20:00:00Z"))).toBeNull();
    expect(duePeriod(daily("UTC", claimedAsWeekly), at("2026-11-26T08:00:00Z"))).toBe("2026-11-26");
  });

  it("keeps one digest per local day across the spring-forward and fall-back nights", () => {
    const zone = "America/New_York";
    // 2026-03-08: 23:30 EST the day before, then 00:30 EST on the short day.
    expect(duePeriod(daily(zone, at("2026-03-08T04:30:00Z")), at("2026-03-08T05:30:00Z"))).toBe("2026-03-08");
    // 23:30 EDT on the short day, then 00:00 EDT the next day.
    expect(duePeriod(daily(zone, at("2026-03-08T05:30:00Z")), at("2026-03-09T03:30:00Z"))).toBeNull();
    expect(duePeriod(daily(zone, at("2026-03-08T05:30:00Z")), at("2026-03-09T04:00:00Z"))).toBe("2026-03-09");
    // 2026-11-01: 01:30 EDT and 01:30 EST are the same local day, an hour apart.
    expect(duePeriod(daily(zone, at("2026-11-01T05:30:00Z")), at("2026-11-01T06:30:00Z"))).toBeNull();
    expect(duePeriod(daily(zone, at("2026-11-01T05:30:00Z")), at("2026-11-02T05:00:00Z"))).toBe("2026-11-02");
  });

  it("counts an unknown time zone as UTC instead of failing", () => {
    expect(duePeriod(daily("Not/AZone"), at("2026-11-25T09:00:00Z"))).toBe("2026-11-25");
  });
});
