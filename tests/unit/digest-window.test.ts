import { describe, expect, it } from "vitest";

import { digestWindow } from "@/lib/digest/digest-window";

const at = (iso: string) => new Date(iso);
const now = at("2026-11-25T08:00:00Z");

describe("which arrivals a digest covers", () => {
  it("looks back one period for a first digest", () => {
    expect(digestWindow("daily", null, now)).toEqual({ start: at("2026-11-24T08:00:00Z"), end: now });
    expect(digestWindow("weekly", null, now)).toEqual({ start: at("2026-11-18T08:00:00Z"), end: now });
  });

  it("continues where the last digest ended, with an hour's overlap for late commits", () => {
    expect(digestWindow("daily", at("2026-11-24T08:05:00Z"), now).start).toEqual(at("2026-11-24T07:05:00Z"));
  });

  it("looks back at most a week (daily) or four weeks (weekly) after a long pause", () => {
    const longAgo = at("2026-06-01T00:00:00Z");
    expect(digestWindow("daily", longAgo, now).start).toEqual(at("2026-11-18T08:00:00Z"));
    expect(digestWindow("weekly", longAgo, now).start).toEqual(at("2026-10-28T08:00:00Z"));
  });
});
