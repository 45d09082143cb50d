import { Link } from "@/components/link";
import type { AdjacentListings } from "@/lib/papers/find-adjacent-listings";
import { describePeriod, periodParam, type Period } from "@/lib/papers/feed-period";

import { feedHref } from "./feed-href";

/** The closer of the listings around an empty period. */
function nearest(adjacent: AdjacentListings, date: string): string | null {
  const { before, after } = adjacent;
  if (!before || !after) return before ?? after;
  const distance = (day: string) => Math.abs(Date.parse(day) - Date.parse(date));
  return distance(before) <= distance(after) ? before : after;
}

/** A period without papers: the nearest one that has some, or, on a new install, how to get papers in. */
export function EmptyPeriod({
  period,
  date,
  adjacent,
  laterPage,
}: {
  period: Period;
  date: string;
  adjacent: AdjacentListings;
  laterPage: boolean;
}) {
  const closest = period === "all" ? null : nearest(adjacent, date);
  const nothingAtAll = !laterPage && !adjacent.before && !adjacent.after;
  return (
    <div className="rounded-lg border border-dashed border-stone-300 p-6 text-center sm:p-10 dark:border-stone-700">
      <h2 className="text-lg font-medium">
        {laterPage
          ? "No more papers in this period."
          : nothingAtAll
            ? "There are no papers yet."
            : `No papers were listed in ${describePeriod(period, date)}.`}
      </h2>
      {closest && period !== "all" && (
        <p className="mt-3 text-stone-600 dark:text-stone-300">
          The nearest {period} with papers is {describePeriod(period, closest)}.{" "}
          <Link
            href={feedHref({ period, date: periodParam(period, closest) })}
            className="font-medium text-accent-700 underline dark:text-accent-300"
          >
            Show it
          </Link>
        </p>
      )}
      <p className="mt-3 text-sm">
        {nothingAtAll ? (
          <Link href="/submit" className="text-accent-700 underline dark:text-accent-300">
            Add a paper by its arXiv id
          </Link>
        ) : (
          <Link href={feedHref({ period: "all" })} className="text-accent-700 underline dark:text-accent-300">
            Or browse all time
          </Link>
        )}
      </p>
    </div>
  );
}
