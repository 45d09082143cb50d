import { describe, expect, it } from "vitest";

import { invertedList } from "@/lib/recommend/inverted-list";

describe("an inverted list", () => {
  const vectors = [
    { terms: [7, 3, 250], weights: [0.5, 0.25, 0.75] },
    { terms: [3, 12], weights: [1, 0.5] },
  ];
  const postings = (list: ReturnType<typeof invertedList<number>>, term: number) => {
    const slot = list.slotOf(term);
    if (slot < 0) return null;
    const found: [number, number][] = [];
    for (let k = list.start[slot]!; k < list.start[slot + 1]!; k++) found.push([list.vectorOf[k]!, list.weightOf[k]!]);
    return found;
  };

  it("finds the same postings by id as through its map, each term's in the order of the vectors, and none for a term no vector holds", () => {
    const byMap = invertedList(vectors);
    const byId = invertedList(vectors, { byId: true });
    for (const list of [byMap, byId]) {
      expect(postings(list, 3)).toEqual([
        [0, 0.25],
        [1, 1],
      ]);
      expect(postings(list, 250)).toEqual([[0, 0.75]]);
      for (const absent of [0, 8, 251, 1 << 30, -1, 2.5]) expect(list.slotOf(absent)).toBe(-1);
    }
  });

  it("falls back to its map for terms that are not ids", () => {
    const words = invertedList(
      [
        { terms: ["proof", "lean"], weights: [1, 0.5] },
        { terms: ["lean"], weights: [0.25] },
      ],
      { byId: true },
    );
    expect(words.slotOf("lean")).toBeGreaterThanOrEqual(0);
    expect(words.slotOf("coq")).toBe(-1);
    const huge = invertedList([{ terms: [1 << 25, 4], weights: [1, 1] }], { byId: true });
    expect(huge.slotOf(1 << 25)).toBeGreaterThanOrEqual(0);
    expect(huge.slotOf(5)).toBe(-1);
  });
});
