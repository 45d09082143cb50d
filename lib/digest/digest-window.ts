import type { DigestFrequency } from "@/lib/generated/prisma/enums";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** A first digest looks back one period. */
export const FIRST_LOOKBACK_MS: Record<DigestFrequency, number> = { daily: DAY_MS, weekly: 7 * DAY_MS };
/** After a long pause a digest still looks back at most this far: old news is not news. */
export const MAX_LOOKBACK_MS: Record<DigestFrequency, number> = { daily: 7 * DAY_MS, weekly: 28 * DAY_MS };
/**
 * Windows overlap by this much. A paper's created_at is stamped when its insert starts, and a long
 * ingest may commit it after a digest read past that time; the overlap lets the next digest see it,
 * and the record of papers sent keeps the overlap from sending anything twice.
 */
export const WINDOW_OVERLAP_MS = HOUR_MS;

/** Papers that arrived in (start, end] go into the digest built at `now`. */
export function digestWindow(frequency: DigestFrequency, lastWindowEnd: Date | null, now: Date): { start: Date; end: Date } {
  const oldest = now.getTime() - MAX_LOOKBACK_MS[frequency];
  const start = lastWindowEnd
    ? Math.max(lastWindowEnd.getTime() - WINDOW_OVERLAP_MS, oldest)
    : now.getTime() - FIRST_LOOKBACK_MS[frequency];
  return { start: new Date(Math.min(start, now.getTime())), end: now };
}
