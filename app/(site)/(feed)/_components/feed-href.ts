import type { Period } from "@/lib/papers/feed-period";

/** A feed URL; the defaults (today's listing) are left out so links stay short. */
export function feedHref(options: { period: Period; date?: string; cursor?: string }): string {
  const params = new URLSearchParams();
  if (options.period !== "day") params.set("period", options.period);
  if (options.date) params.set("date", options.date);
  if (options.cursor) params.set("cursor", options.cursor);
  const query = params.toString();
  return query ? `/?${query}` : "/";
}
