import { Link } from "@/components/link";
import { PERIODS, describePeriod, periodLabel, type Period } from "@/lib/papers/feed-period";

import { forYouHref } from "./for-you-href";

/**
 * No paper of the period is close to the reader's taste (or none was listed yet): the wider windows.
 * `shownFrom`: the period shown is the latest with papers, starting that day, not the current one.
 */
export function NothingInPeriod({ period, shownFrom }: { period: Period; shownFrom?: string }) {
  const wider = PERIODS.slice(PERIODS.indexOf(period) + 1);
  return (
    <div className="rounded-lg border border-dashed border-stone-300 p-6 text-center sm:p-10 dark:border-stone-700">
      <h2 className="text-lg font-medium">
        {period === "all"
          ? "No paper is close to what you saved yet."
          : shownFrom
            ? `Nothing for you in ${describePeriod(period, shownFrom)}.`
            : `Nothing new for you ${periodLabel(period, undefined).toLowerCase()}.`}
      </h2>
      <p className="mt-3 text-stone-600 dark:text-stone-300">
        {period === "all"
          ? "Your saved papers are still being analysed, or nothing else shares their words. Save a few more papers to widen the net."
          : "No paper listed in this period is close to what you saved."}
      </p>
      {wider.length > 0 && (
        <p className="mt-3 flex flex-wrap justify-center gap-x-4 gap-y-1 text-sm">
          {wider.map((other) => (
            <Link key={other} href={forYouHref(other)} className="font-medium text-accent-700 underline dark:text-accent-300">
              Show {periodLabel(other, undefined).toLowerCase()}
            </Link>
          ))}
        </p>
      )}
    </div>
  );
}
