import { describe, expect, it } from "vitest";

import { describeArrival } from "@/lib/subscribers/describe-arrival";

/** The runs of an hourly cron at `minute` past each UTC hour, over two days from `start`. */
const hourly = (minute: number, start = Date.parse("2026-12-06T04:30:00Z")) =>
  Array.from({ length: 48 }, (_, hour) =>
    new Date(Math.ceil(start / 3_600_000) * 3_600_000 + hour * 3_600_000 + minute * 60_000).toISOString(),
  );

describe("when digests arrive, in the subscriber's time zone", () => {
  it("is the first run from the send hour on, in local time", () => {
    const schedule = { runs: hourly(5), sendHour: 7 };
    expect(describeArrival(schedule, { timeZone: "Europe/Berlin", frequency: "daily", weekday: "1" })).toBe(
      "Daily digests arrive at 07:05 in your time zone (Europe/Berlin).",
    );
    // India is 5:30 ahead: the hourly run at :05 UTC is at :35 there.
    expect(describeArrival(schedule, { timeZone: "Asia/Kolkata", frequency: "weekly", weekday: "3" })).toBe(
      "Weekly digests arrive on Wednesdays at 07:35 in your time zone (Asia/Kolkata).",
    );
    expect(describeArrival({ runs: hourly(5), sendHour: 0 }, { timeZone: "UTC", frequency: "daily", weekday: "1" })).toBe(
      "Daily digests arrive at 00:05 in your time zone (UTC).",
    );
  });

  it("follows a cron that runs once a day", () => {
    const daily = ["2026-12-06T06:00:00Z", "2026-12-07T06:00:00Z", "2026-12-08T06:00:00Z"];
    expect(describeArrival({ runs: daily, sendHour: 0 }, { timeZone: "America/New_York", frequency: "daily", weekday: "1" })).toBe(
      "Daily digests arrive at 01:00 in your time zone (America/New_York).",
    );
  });

  it("says nothing for an unknown zone or runs that never reach the send hour", () => {
    expect(describeArrival({ runs: hourly(5), sendHour: 7 }, { timeZone: "Mars/Olympus", frequency: "daily", weekday: "1" })).toBeNull();
    expect(describeArrival({ runs: [], sendHour: 7 }, { timeZone: "UTC", frequency: "daily", weekday: "1" })).toBeNull();
  });
});
