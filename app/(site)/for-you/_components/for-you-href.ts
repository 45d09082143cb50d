import type { Period } from "@/lib/papers/feed-period";

/** A For you URL; the default window (this week) is left out so links stay short. */
export function forYouHref(period: Period): string {
  return period === "week" ? "/for-you" : `/for-you?period=${period}`;
}
