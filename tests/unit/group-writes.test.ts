import { setImmediate as nextTurn } from "node:timers/promises";

import { describe, expect, it } from "vitest";

import { groupWrites } from "@/lib/digest/group-writes";

/** A write that records each group it was given and answers each item doubled, after a turn. */
function recordingWrite() {
  const groups: number[][] = [];
  const write = async (items: number[]) => {
    groups.push(items);
    await nextTurn();
    return items.map((item) => item * 2);
  };
  return { groups, write };
}

describe("groupWrites", () => {
  it("writes items that arrive together in one group, and items that arrive during a write in the next", async () => {
    const { groups, write } = recordingWrite();
    const grouped = groupWrites(write);
    const first = [grouped(1), grouped(2)];
    await nextTurn();
    const second = [grouped(3), grouped(4), grouped(5)];
    expect(await Promise.all([...first, ...second])).toEqual([2, 4, 6, 8, 10]);
    expect(groups).toEqual([
      [1, 2],
      [3, 4, 5],
    ]);
  });

  it("rejects every item of a group whose write failed, and writes the next group regardless", async () => {
    let calls = 0;
    const grouped = groupWrites(async (items: number[]) => {
      if (calls++ === 0) throw new Error("database down");
      return items;
    });
    const failed = [grouped(1), grouped(2)];
    await expect(Promise.all(failed)).rejects.toThrow("database down");
    await expect(grouped(3)).resolves.toBe(3);
  });
});
