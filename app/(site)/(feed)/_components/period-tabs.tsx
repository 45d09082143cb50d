import Link from "next/link";

import { PERIOD_LABELS, PERIODS, type Period } from "@/lib/papers/feed-period";

import { feedHref } from "./feed-href";

export function PeriodTabs({ current, date }: { current: Period; date: string | undefined }) {
  return (
    <nav aria-label="Period" className="flex gap-1 rounded-lg bg-stone-200/60 p-1 text-sm dark:bg-stone-800/60">
      {PERIODS.map((period) => (
        <Link
          key={period}
          href={feedHref({ period, date })}
          aria-current={period === current ? "page" : undefined}
          className={
            period === current
              ? "rounded-md bg-white px-3 py-1.5 font-medium shadow-sm dark:bg-stone-700"
              : "rounded-md px-3 py-1.5 text-stone-600 hover:text-stone-900 dark:text-stone-300 dark:hover:text-white"
          }
        >
          {PERIOD_LABELS[period]}
        </Link>
      ))}
    </nav>
  );
}
