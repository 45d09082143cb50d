import { Link } from "@/components/link";
import type { AdjacentListings } from "@/lib/papers/find-adjacent-listings";
import { describePeriod, periodParam, todayUtc, type Period } from "@/lib/papers/feed-period";

import { feedHref } from "./feed-href";

const INPUT_TYPE = { day: "date", week: "week", month: "month" } as const;
const PICKER_LABEL = { day: "Show the day", week: "Show the week", month: "Show the month" } as const;

/**
 * Earlier and later listings like arXiv's, skipping periods without papers, and a picker for any
 * day, ISO week or month (the browser's own date, week and month inputs). Works without JS.
 */
export function PeriodStepper({ period, date, adjacent }: { period: Exclude<Period, "all">; date: string; adjacent: AdjacentListings }) {
  const linkClass = "rounded-md px-2 py-1 text-stone-600 hover:bg-stone-200/70 dark:text-stone-300 dark:hover:bg-stone-800";
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      {adjacent.before && (
        <Link href={feedHref({ period, date: periodParam(period, adjacent.before) })} className={linkClass} rel="prev">
          ← {describePeriod(period, adjacent.before)}
        </Link>
      )}
      {adjacent.after && (
        <Link href={feedHref({ period, date: periodParam(period, adjacent.after) })} className={linkClass} rel="next">
          {describePeriod(period, adjacent.after)} →
        </Link>
      )}
      <form action="/" className="flex items-center gap-2">
        {period !== "day" && <input type="hidden" name="period" value={period} />}
        <label htmlFor="feed-date" className="sr-only">
          {PICKER_LABEL[period]}
        </label>
        <input
          id="feed-date"
          key={`${period}:${date}`}
          type={INPUT_TYPE[period]}
          name="date"
          defaultValue={periodParam(period, date)}
          max={periodParam(period, todayUtc())}
          required
          className="min-w-0 rounded-md border border-stone-300 bg-white px-2 py-1 dark:border-stone-700 dark:bg-stone-900"
        />
        <button
          type="submit"
          className="rounded-md border border-stone-300 px-3 py-1 hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800"
        >
          Go
        </button>
      </form>
    </div>
  );
}
