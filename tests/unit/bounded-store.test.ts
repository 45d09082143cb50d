import { describe, expect, it } from "vitest";

import { BoundedStore } from "@/lib/bounded-store";

describe("a bounded store", () => {
  const byChars = () => new BoundedStore<string>(10, (value, key) => key.length + value.length);

  it("keeps within its budget as its sizes count, a value read since it was put kept over one that was not", () => {
    const store = byChars();
    store.set("a", "1111");
    store.set("b", "2222");
    expect(store.get("a")).toBe("1111");
    store.set("c", "3333");
    expect(store.get("b")).toBeUndefined();
    expect(new Map(store.entries())).toEqual(
      new Map([
        ["a", "1111"],
        ["c", "3333"],
      ]),
    );
  });

  it("gives a read value one more turn only: read once, it goes when it comes up again unread", () => {
    const store = byChars();
    store.set("a", "1111");
    expect(store.get("a")).toBe("1111");
    store.set("b", "2222");
    store.set("c", "3333");
    expect([...store.entries()].map(([key]) => key)).toEqual(["c", "a"]);
    store.set("d", "4444");
    expect([...store.entries()].map(([key]) => key)).toEqual(["a", "d"]);
    store.set("e", "5555");
    expect([...store.entries()].map(([key]) => key)).toEqual(["d", "e"]);
  });

  it("counts a replaced value once, and keeps nothing over its whole budget", () => {
    const store = byChars();
    store.set("a", "1111");
    store.set("a", "11111111");
    store.set("b", "22222222222");
    expect(store.get("b")).toBeUndefined();
    expect(store.get("a")).toBe("11111111");
    store.delete("a");
    store.set("c", "333333333");
    expect(store.get("c")).toBe("333333333");
  });
});
