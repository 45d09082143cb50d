// Timing helpers shared by the benchmark sections. Numbers are compared as ratios within one run.
import { performance } from "node:perf_hooks";

export type Timing = { p50: number; p95: number; samples: number };

export function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}

/** Runs `work` `warmup` times unmeasured, then `runs` times, and reports p50/p95 in ms. */
export async function measure(work: () => Promise<unknown>, runs = 100, warmup = 10): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), samples: runs };
}

export const ms = (value: number) => `${value.toFixed(2)} ms`;
export const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

/** Fetches JSON and fails loudly on anything but 200, so a broken endpoint never looks fast. */
export async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

/** Query plans folded under a summary, so the tables stay readable. */
export function foldedPlans(summary: string, plans: string[]): string[] {
  return [`<details><summary>${summary}</summary>`, "", "```", ...plans, "```", "</details>"];
}
