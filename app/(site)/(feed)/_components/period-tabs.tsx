import { TabLinks } from "@/components/tab-links";
import { PERIODS, periodLabel, periodParam, type Period } from "@/lib/papers/feed-period";

import { feedHref } from "./feed-href";

/** `date`: the first day of the period shown, when the URL names one; each tab keeps to the same stretch of time. */
export function PeriodTabs({ current, date }: { current: Period; date: string | undefined }) {
  return (
    <TabLinks
      label="Period"
      className="grid w-full grid-cols-2 min-[400px]:flex sm:w-auto"
      tabs={PERIODS.map((period) => ({
        href: feedHref({ period, date: date && period !== "all" ? periodParam(period, date) : undefined }),
        label: periodLabel(period, date),
        current: period === current,
      }))}
    />
  );
}
