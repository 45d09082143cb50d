import { describe, expect, it } from "vitest";

import { monthOfArxivId, parseArxivId } from "@/lib/papers/arxiv-id";
import { arxivIdFromSegments } from "@/lib/papers/arxiv-id-param";

describe("arXiv ids", () => {
  it.each([
    ["2403.15706", { id: "2403.15706", version: null }],
    ["  arXiv:2403.15706v3 ", { id: "2403.15706", version: 3 }],
    ["https://arxiv.org/abs/2403.15706v2", { id: "2403.15706", version: 2 }],
    ["https://arxiv.org/pdf/2403.15706.pdf", { id: "2403.15706", version: null }],
    ["https://huggingface.co/papers/2502.03387", { id: "2502.03387", version: null }],
    ["hep-th/9901001v1", { id: "hep-th/9901001", version: 1 }],
    ["0704.0001", { id: "0704.0001", version: null }],
  ])("reads %s", (input, expected) => {
    expect(parseArxivId(input)).toEqual(expected);
  });

  it.each(["", "2413.15706", "2403.1570", "24031.5706", "<script>", "2403.15706; drop table", "https://example.com/"])(
    "rejects %j",
    (input) => {
      expect(parseArxivId(input)).toBeNull();
    },
  );

  it("gives the month an id was issued in, across the 1991–2007 old-style scheme", () => {
    expect(monthOfArxivId("2403.15706")).toBe("2024-03-01");
    expect(monthOfArxivId("hep-th/9901001")).toBe("1999-01-01");
    expect(monthOfArxivId("math/0601001")).toBe("2006-01-01");
  });
});

describe("arXiv ids in route segments", () => {
  it("joins old-style ids split at their slash and flags versioned ids for a redirect", () => {
    expect(arxivIdFromSegments(["hep-th", "9901001"])).toEqual({ id: "hep-th/9901001", canonical: true });
    expect(arxivIdFromSegments(["2403.15706"])).toEqual({ id: "2403.15706", canonical: true });
    expect(arxivIdFromSegments(["2403.15706v2"])).toEqual({ id: "2403.15706", canonical: false });
    expect(arxivIdFromSegments(["arXiv%3A2403.15706"])).toEqual({ id: "2403.15706", canonical: false });
  });

  it("returns null for anything else, including broken percent-encoding", () => {
    for (const segments of [["%E0%A4%A"], ["a", "b", "c"], ["1".repeat(3000)], [".."], []]) {
      expect(arxivIdFromSegments(segments)).toBeNull();
    }
  });
});
