import { describe, expect, it } from "vitest";

import { keptForVersion, type VersionedRead } from "@/lib/similarity/kept-for-version";

/** A read that answers with these values as of `version`, and records which keys it was asked for. */
function readOf(entries: [number, string][], version: bigint | null) {
  const asked: number[][] = [];
  const read = async (missing: number[]): Promise<VersionedRead<string>> => {
    asked.push(missing);
    return { values: new Map(entries.filter(([key]) => missing.includes(key))), version };
  };
  return { read, asked };
}

describe("values kept for an index version", () => {
  it("are found again at that version, the least recently read going first past the limit", async () => {
    const kept = keptForVersion<string>(2);
    const first = readOf(
      [
        [1, "one"],
        [2, "two"],
      ],
      5n,
    );
    expect(await kept.read([1, 2], 5n, first.read)).toEqual(
      new Map([
        [1, "one"],
        [2, "two"],
      ]),
    );
    expect(first.asked).toEqual([[1, 2]]);
    // Reading 1 again makes 2 the least recently read.
    const none = readOf([], 5n);
    expect(await kept.read([1], 5n, none.read)).toEqual(new Map([[1, "one"]]));
    expect(none.asked).toEqual([]);
    await kept.read([3], 5n, readOf([[3, "three"]], 5n).read);
    const again = readOf([[2, "two"]], 5n);
    expect(await kept.read([1, 2, 3], 5n, again.read)).toEqual(
      new Map([
        [1, "one"],
        [3, "three"],
        [2, "two"],
      ]),
    );
    expect(again.asked).toEqual([[2]]);
  });

  it("are dropped for a later version, and not kept from a read that saw another version than the view's", async () => {
    const kept = keptForVersion<string>(10);
    const asked = async (keys: number[], view: bigint, answer: string, seen: bigint) => {
      const read = readOf(
        keys.map((key) => [key, answer]),
        seen,
      );
      const values = await kept.read(keys, view, read.read);
      return { values, asked: read.asked.flat() };
    };
    expect((await asked([1], 5n, "one", 5n)).asked).toEqual([1]);
    // A later version drops what was kept, and a replica behind the view's version read it: not kept.
    expect((await asked([1], 6n, "stale", 5n)).asked).toEqual([1]);
    expect((await asked([1], 6n, "one", 6n)).asked).toEqual([1]);
    // A view of version 5 now: what it reads is not kept, as a newer version was asked for since.
    expect((await asked([2], 5n, "older", 5n)).asked).toEqual([2]);
    expect((await asked([2], 6n, "two", 6n)).asked).toEqual([2]);
    expect(await asked([1, 2], 6n, "unread", 6n)).toEqual({
      values: new Map([
        [1, "one"],
        [2, "two"],
      ]),
      asked: [],
    });
  });
});
