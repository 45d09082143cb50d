import Link from "next/link";

import { PERIODS, periodLabel, periodParam, type Period } from "@/lib/papers/feed-period";

import { feedHref } from "./feed-href";

/** `date`: the first day of the period shown, when the URL names one; each tab keeps to the same stretch of time. */
export function PeriodTabs({ current, date }: { current: Period; date: string | undefined }) {
  return (
    <nav aria-label="Period" className="grid w-full grid-cols-2 gap-1 rounded-lg bg-stone-200/60 p-1 text-center text-sm min-[400px]:flex sm:w-auto dark:bg-stone-800/60">
      {PERIODS.map((period) => (
        <Link
          key={period}
          href={feedHref({ period, date: date && period !== "all" ? periodParam(period, date) : undefined })}
          aria-current={period === current ? "page" : undefined}
          className={
            period === current
              ? "whitespace-nowrap rounded-md bg-white px-2.5 py-1.5 font-medium shadow-sm sm:px-3 dark:bg-stone-700"
              : "whitespace-nowrap rounded-md px-2.5 py-1.5 text-stone-600 hover:text-stone-900 sm:px-3 dark:text-stone-300 dark:hover:text-white"
          }
        >
          {periodLabel(period, date)}
        </Link>
      ))}
    </nav>
  );
}
