import { describe, expect, it } from "vitest";

import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function burst(rule: { name: string; limit: number; windowSeconds: number }, size: number): Promise<number> {
  const outcomes = await Promise.allSettled(Array.from({ length: size }, () => consumeRateLimit(rule, "192.0.2.44")));
  return outcomes.filter((outcome) => outcome.status === "fulfilled").length;
}

describe("rate limit windows", () => {
  it("does not let a client spend the limit twice across a window boundary", async () => {
    const rule = { name: `test-boundary-${Date.now()}`, limit: 10, windowSeconds: 2 };
    const windowMs = rule.windowSeconds * 1000;
    await burst({ ...rule, name: `${rule.name}-warm-up`, limit: 100 }, rule.limit); // open the pool's connections
    // Fixed windows start at multiples of the window on the clock: spend the limit just before
    // such a boundary and try again just after it.
    await sleep(windowMs - (Date.now() % windowMs) + windowMs - 500);
    const started = Date.now();
    const first = await burst(rule, rule.limit);
    await sleep(Math.max(0, windowMs - (Date.now() % windowMs)) + 50);
    const second = await burst(rule, rule.limit);
    const elapsedSeconds = (Date.now() - started) / 1000;
    expect(first).toBe(rule.limit);
    // Within well under a window, only what the elapsed time earned back may pass.
    expect(elapsedSeconds).toBeLessThan(rule.windowSeconds);
    expect(second).toBeLessThanOrEqual(Math.ceil((elapsedSeconds * rule.limit) / rule.windowSeconds) + 1);
  });

  it("earns requests back steadily, not all at once", async () => {
    const rule = { name: `test-refill-${Date.now()}`, limit: 4, windowSeconds: 2 };
    expect(await burst(rule, 6)).toBe(4);
    await sleep(600);
    // 0.6 s of a 2 s window earns back one of four requests.
    expect(await burst(rule, 4)).toBe(1);
  });
});
