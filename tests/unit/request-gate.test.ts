import { afterEach, describe, expect, it, vi } from "vitest";

import { createRequestGate } from "@/lib/ingest/request-gate";

describe("createRequestGate", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("lets the first request through and holds the next until the interval has passed", async () => {
    vi.useFakeTimers();
    const gate = createRequestGate(3_000);
    const passed: number[] = [];
    void gate.wait().then(() => passed.push(1));
    void gate.wait().then(() => passed.push(2));
    void gate.wait().then(() => passed.push(3));
    await vi.advanceTimersByTimeAsync(0);
    expect(passed).toEqual([1]);
    await vi.advanceTimersByTimeAsync(2_999);
    expect(passed).toEqual([1]);
    await vi.advanceTimersByTimeAsync(1);
    expect(passed).toEqual([1, 2]);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(passed).toEqual([1, 2, 3]);
  });
});
