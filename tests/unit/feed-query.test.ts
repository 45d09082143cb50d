import { describe, expect, it } from "vitest";

import { decodeCursor, encodeCursor } from "@/lib/papers/feed-cursor";
import { feedQuerySchema } from "@/lib/papers/feed-query";

describe("feed query", () => {
  it("defaults to today's listing, twenty papers a page", () => {
    expect(feedQuerySchema.parse({})).toEqual({ period: "day", limit: 20 });
  });

  it("round-trips a cursor, including a fractional score", () => {
    const cursor = { key: 10234.584962500721, id: 42 };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(feedQuerySchema.parse({ cursor: encodeCursor(cursor) }).cursor).toEqual(cursor);
  });

  it.each([
    [{ period: "year" }, "period must be one of day, week, month, all"],
    [{ date: "2026-02-30" }, "date must be a day (YYYY-MM-DD), a month (YYYY-MM) or an ISO week (YYYY-Www)"],
    [{ date: "1900-01-01" }, "date must be between 1991-08-14 and today"],
    [{ date: "2999-01-01" }, "date must be between 1991-08-14 and today"],
    [{ limit: "0" }, "limit must be at least 1"],
    [{ limit: "101" }, "limit must be at most 100"],
    [{ limit: "ten" }, "limit must be a number"],
    [{ limit: "2.5" }, "limit must be a whole number"],
    [{ cursor: "not-a-cursor" }, "cursor is not one this API returned"],
    [{ cursor: "'; DROP TABLE paper; --" }, "cursor is not one this API returned"],
  ])("rejects %j with a message saying what is wrong", (input, message) => {
    const result = feedQuerySchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toContain(message);
  });

  it("rejects cursors that decode to something other than a score and an id", () => {
    for (const payload of [[1], [1, -3], ["1", 2], { key: 1, id: 2 }, [1, 2.5]]) {
      expect(decodeCursor(Buffer.from(JSON.stringify(payload)).toString("base64url"))).toBeNull();
    }
  });
});
