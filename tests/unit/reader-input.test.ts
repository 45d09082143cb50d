import { describe, expect, it } from "vitest";

import { encodeLibraryCursor, decodeLibraryCursor } from "@/lib/library/library-cursor";
import { libraryQuerySchema, splitTags } from "@/lib/library/library-query";
import { parsePendingSaves } from "@/lib/readers/pending-saves-field";
import { safeReturnPath } from "@/lib/readers/return-path";

describe("safeReturnPath", () => {
  it("keeps paths on this site and sends everything else to the library", () => {
    expect(safeReturnPath("/papers/2502.03387?x=1")).toBe("/papers/2502.03387?x=1");
    for (const hostile of [
      "//evil.example",
      "/\\evil.example",
      "https://evil.example/",
      "javascript:alert(1)",
      "library",
      "/a b",
      "/\u0000",
      42,
      undefined,
      `/${"a".repeat(600)}`,
    ]) {
      expect(safeReturnPath(hostile)).toBe("/library");
    }
  });
});

describe("parsePendingSaves", () => {
  it("keeps valid arXiv ids once and ignores the rest", () => {
    expect(parsePendingSaves("2502.03387 junk 2502.03387\n hep-th/9901001 <script>")).toEqual(["2502.03387", "hep-th/9901001"]);
    expect(parsePendingSaves(null)).toEqual([]);
    expect(parsePendingSaves("2502.03387 ".repeat(20_000))).toEqual([]);
  });
});

describe("library queries", () => {
  it("splits typed tags and validates the query", () => {
    expect(splitTags(" ML, to read ,, ml,Thesis ")).toEqual(["ML", "to read", "Thesis"]);
    expect(libraryQuerySchema.parse({})).toEqual({ sort: "saved", limit: 25 });
    expect(libraryQuerySchema.parse({ q: "  ", tag: "", sort: "title" })).toEqual({ sort: "title", limit: 25 });
    expect(libraryQuerySchema.safeParse({ tag: "a,b" }).success).toBe(false);
  });

  it("round-trips cursors and refuses forged ones", () => {
    const cursor = { value: "attention is all you need", paperId: 42 };
    expect(decodeLibraryCursor(encodeLibraryCursor(cursor))).toEqual(cursor);
    for (const forged of [
      "",
      "!!",
      Buffer.from("[1,2]").toString("base64url"),
      Buffer.from('["a",-1]').toString("base64url"),
      Buffer.from("{").toString("base64url"),
    ]) {
      expect(decodeLibraryCursor(forged)).toBeNull();
    }
  });
});
