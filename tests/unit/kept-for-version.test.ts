import { describe, expect, it } from "vitest";

import { keptForVersion } from "@/lib/similarity/kept-for-version";

describe("values kept for an index version", () => {
  it("are found again at that version, the least recently read going first past the limit", () => {
    const kept = keptForVersion<string>(2);
    expect(kept.get([1, 2], 5n)).toEqual({ found: new Map(), missing: [1, 2] });
    kept.keep(
      new Map([
        [1, "one"],
        [2, "two"],
      ]),
      5n,
      5n,
    );
    // Reading 1 again makes 2 the least recently read.
    expect(kept.get([1], 5n).found).toEqual(new Map([[1, "one"]]));
    kept.keep(new Map([[3, "three"]]), 5n, 5n);
    expect(kept.get([1, 2, 3], 5n)).toEqual({
      found: new Map([
        [1, "one"],
        [3, "three"],
      ]),
      missing: [2],
    });
  });

  it("are dropped for a later version, and not kept from a read that saw another version than the view's", () => {
    const kept = keptForVersion<string>(10);
    kept.keep(new Map([[1, "one"]]), 5n, 5n);
    expect(kept.get([1], 6n).missing).toEqual([1]);
    // A view of version 5 now: what was kept went with the newer version.
    expect(kept.get([1], 5n).missing).toEqual([1]);
    // A replica behind the view's version read it: not kept.
    kept.keep(new Map([[1, "stale"]]), 6n, 5n);
    expect(kept.get([1], 6n).missing).toEqual([1]);
    // Nor what a view of an older version read after a newer one was asked for.
    kept.keep(new Map([[1, "older"]]), 5n, 5n);
    expect(kept.get([1], 6n).missing).toEqual([1]);
    kept.keep(new Map([[1, "one"]]), 6n, 6n);
    expect(kept.get([1], 6n).found).toEqual(new Map([[1, "one"]]));
  });
});
