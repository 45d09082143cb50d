import { describe, expect, it } from "vitest";

import { formatDay, formatMonth, shortenAuthors } from "@/lib/format";

describe("formatting", () => {
  it("shortens long author lists with et al.", () => {
    expect(shortenAuthors(["A", "B", "C", "D"])).toBe("A, B, C et al.");
    expect(shortenAuthors(["A", "B"], 12)).toBe("A, B et al.");
    expect(shortenAuthors(["A", "B"])).toBe("A, B");
    expect(shortenAuthors([])).toBe("Authors not listed");
  });

  it("writes calendar days without shifting them by a time zone", () => {
    expect(formatDay("2025-03-01")).toBe("Mar 1, 2025");
    expect(formatMonth("2024-12-01")).toBe("Dec 2024");
  });
});
