import { describe, expect, it } from "vitest";

import { BoundedStore } from "@/lib/bounded-store";

describe("a bounded store", () => {
  const byChars = () => new BoundedStore<string>(10, (value, key) => key.length + value.length);

  it("keeps within its budget as its sizes count, the least recently read first out", () => {
    const store = byChars();
    store.set("a", "1111");
    store.set("b", "2222");
    expect(store.get("a")).toBe("1111");
    store.set("c", "3333");
    expect(store.get("b")).toBeUndefined();
    expect([...store.entries()]).toEqual([
      ["a", "1111"],
      ["c", "3333"],
    ]);
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
