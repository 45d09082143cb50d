import Link from "next/link";

import { addDays, todayUtc, type Period } from "@/lib/papers/feed-period";

import { feedHref } from "./feed-href";

/** Step through past listings like arXiv's: previous and next day, or any date. Works without JS. */
export function DayPicker({ period, date }: { period: Period; date: string }) {
  const today = todayUtc();
  const step = period === "week" ? 7 : period === "month" ? 30 : 1;
  const unit = period === "week" ? "week" : period === "month" ? "month" : "day";
  const next = addDays(date, step);
  const linkClass = "rounded-md px-2 py-1 text-stone-600 hover:bg-stone-200/70 dark:text-stone-300 dark:hover:bg-stone-800";
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <Link href={feedHref({ period, date: addDays(date, -step) })} className={linkClass}>
        ← Previous {unit}
      </Link>
      {next <= today && (
        <Link href={feedHref({ period, date: next })} className={linkClass}>
          Next {unit} →
        </Link>
      )}
      <form action="/" className="flex items-center gap-2">
        {period !== "day" && <input type="hidden" name="period" value={period} />}
        <label htmlFor="feed-date" className="sr-only">
          Show the listing ending on
        </label>
        <input
          id="feed-date"
          type="date"
          name="date"
          defaultValue={date}
          max={today}
          required
          className="rounded-md border border-stone-300 bg-white px-2 py-1 dark:border-stone-700 dark:bg-stone-900"
        />
        <button type="submit" className="rounded-md border border-stone-300 px-3 py-1 hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800">
          Go
        </button>
      </form>
    </div>
  );
}
