import { describePeriod, type Period } from "@/lib/papers/feed-period";

/** A list of the current period shows the latest one with papers instead, while today's has none (shownPeriod). */
export function LatestInsteadNotice({ period, date }: { period: Exclude<Period, "all">; date: string }) {
  return (
    <p role="status" className="rounded-md bg-accent-50 px-3 py-2 text-sm text-stone-800 dark:bg-accent-700/20 dark:text-stone-100">
      No papers yet {period === "day" ? "today" : `this ${period}`}. Showing <strong>{describePeriod(period, date)}</strong>, the latest{" "}
      {period} with papers.
    </p>
  );
}
