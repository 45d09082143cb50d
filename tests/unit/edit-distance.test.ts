import { describe, expect, it } from "vitest";

import { editDistance } from "@/lib/search/edit-distance";

describe("editDistance", () => {
  it("counts a swap of two neighbouring letters as one edit", () => {
    expect(editDistance("objcet", "object")).toBe(1);
    expect(editDistance("leraning", "learning")).toBe(1);
  });

  it("counts insertions, deletions and substitutions", () => {
    expect(editDistance("tranformers", "transformers")).toBe(1);
    expect(editDistance("models", "model")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("same", "same")).toBe(0);
  });

  it("compares letters, not UTF-16 units", () => {
    expect(editDistance("schölkopf", "scholkopf")).toBe(1);
    expect(editDistance("𝔸b", "b")).toBe(1);
  });
});
