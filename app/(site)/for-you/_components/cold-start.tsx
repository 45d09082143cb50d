import { Link } from "@/components/link";
import type { ForYouCard } from "@/lib/for-you/for-you-view";

import { ForYouCards } from "./for-you-cards";

const linkClass = "font-medium text-accent-700 underline dark:text-accent-300";

/**
 * A reader who has liked nothing yet: three ways to give the model something to learn from,
 * the first right here (trending papers with their controls; the first save brings the
 * recommendations in).
 */
export function ColdStart({ trending, trendingLabel, returnTo }: { trending: ForYouCard[]; trendingLabel: string; returnTo: string }) {
  return (
    <div className="space-y-6">
      <section
        aria-labelledby="cold-start-title"
        className="space-y-4 rounded-lg border border-dashed border-stone-300 p-6 dark:border-stone-700"
      >
        <h2 id="cold-start-title" className="text-lg font-medium">
          Tell PaperPulse what you like
        </h2>
        <p className="text-stone-700 dark:text-stone-300">
          Recommendations learn from the papers you save or mark <strong>More like this</strong>. Pick a few to start; the more you pick,
          the sharper the picks get.
        </p>
        <ul className="space-y-2 text-stone-700 dark:text-stone-300">
          <li>
            <strong>Pick from trending papers</strong> below: press <strong>☆ Save</strong> on the ones you would read.
          </li>
          <li>
            <form action="/search" className="flex flex-wrap items-center gap-2">
              <label htmlFor="cold-start-search" className="font-semibold">
                Or search for papers you know
              </label>
              <span className="flex min-w-0 flex-1 gap-2">
                <input
                  id="cold-start-search"
                  type="search"
                  name="q"
                  required
                  placeholder="e.g. theorem proving"
                  className="min-w-0 flex-1 rounded-md border border-stone-300 bg-white px-2 py-1 dark:border-stone-700 dark:bg-stone-900"
                />
                <button
                  type="submit"
                  className="rounded-md border border-stone-300 px-3 py-1 hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800"
                >
                  Search
                </button>
              </span>
            </form>
          </li>
          <li>
            <strong>Or bring your reading list:</strong>{" "}
            <Link href="/library/import" className={linkClass}>
              import a .bib or RIS file, or paste arXiv links
            </Link>
            .
          </li>
        </ul>
      </section>
      {trending.length > 0 && (
        <section aria-labelledby="cold-start-trending" className="space-y-3">
          <h2 id="cold-start-trending" className="text-lg font-medium">
            Trending {trendingLabel}
          </h2>
          <ForYouCards cards={trending} returnTo={returnTo} />
        </section>
      )}
    </div>
  );
}
