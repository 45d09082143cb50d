import { setImmediate as nextTurn } from "node:timers/promises";

const SLICE = 25;

/**
 * `items.map(fn)` a few dozen at a time, letting the event loop run in between: a batch's ranking
 * runs while its predecessor's emails are going out, and must not hold up their replies for tens
 * of milliseconds at a stretch.
 */
export async function mapInSlices<T, R>(items: readonly T[], fn: (item: T) => R): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += SLICE) {
    if (start > 0) await nextTurn();
    for (const item of items.slice(start, start + SLICE)) results.push(fn(item));
  }
  return results;
}
