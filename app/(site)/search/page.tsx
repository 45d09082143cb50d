import type { Metadata } from "next";

import { Link } from "@/components/link";
import { ParameterError } from "@/components/parameter-error";
import { PaperControls } from "@/components/paper-controls";
import { PaperList } from "@/components/paper-list";
import { plural } from "@/lib/format";
import { isStatementTimeout } from "@/lib/http/is-database-unavailable";
import { loadPaperMarks } from "@/lib/library/paper-marks";
import { searchParamsToObject } from "@/lib/http/search-params";
import { findMatchedAuthors } from "@/lib/search/matched-authors";
import { searchPapers, type SearchHit } from "@/lib/search/search-papers";
import { searchQuerySchema } from "@/lib/search/search-query";

import { AboutSearch } from "./_components/about-search";
import { SearchExamples } from "./_components/search-examples";
import { SearchFilters } from "./_components/search-filters";
import { searchHref, type SearchState } from "./_components/search-href";
import { SortTabs } from "./_components/sort-tabs";

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: PageProps): Promise<Metadata> {
  const q = searchParamsToObject(await searchParams)
    .q?.trim()
    .slice(0, 100);
  // Result pages change by the hour and are endless; search engines should not index them.
  return {
    title: q ? `Search: ${q}` : "Search",
    robots: { index: false },
    ...(q && {
      alternates: {
        types: { "application/atom+xml": [{ url: `/search/feed.xml?${new URLSearchParams({ q })}`, title: `PaperPulse: ${q}` }] },
      },
    }),
  };
}

/** A search's words and category as a digest topic or feed: `/subscribe?q=…&category=…`. */
function topicParams(q: string, category: string | undefined): URLSearchParams {
  return new URLSearchParams({ ...(q && { q }), ...(category && { category }) });
}

/** "About 940,000": an estimate shown to two significant figures, never as false precision. */
function totalLabel(total: { count: number; exact: boolean }): string {
  if (total.exact) return plural(total.count, "paper");
  const rounded = Number(total.count.toPrecision(2));
  return `About ${rounded.toLocaleString("en-US")} papers`;
}

export default async function SearchPage({ searchParams }: PageProps) {
  const parsed = searchQuerySchema.safeParse(searchParamsToObject(await searchParams));
  if (!parsed.success) {
    return (
      <ParameterError
        title="We could not read this search"
        issues={parsed.error.issues}
        back={{ href: "/search", label: "Start a new search" }}
      />
    );
  }

  const query = parsed.data;
  if (query.empty) {
    return (
      <div className="space-y-6">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Search papers</h1>
          <p className="mt-1 text-stone-600 dark:text-stone-400">
            Search titles, abstracts and authors with the box at the top (press{" "}
            <kbd className="rounded border border-stone-300 px-1 dark:border-stone-600">/</kbd> to jump to it). Try one of these:
          </p>
        </div>
        <SearchExamples />
        <AboutSearch />
      </div>
    );
  }

  const result = await searchPapers(query).catch((error: unknown) => {
    if (isStatementTimeout(error)) return null;
    throw error;
  });
  if (!result) {
    return (
      <div role="alert" className="py-12 text-center">
        <h1 className="text-xl font-semibold">This search took too long</h1>
        <p className="mt-2 text-stone-600 dark:text-stone-300">
          It was stopped so the site stays fast for everyone. Try more specific words, a category or a date range.
        </p>
        <Link href="/search" className="mt-6 inline-block text-accent-700 underline dark:text-accent-300">
          Start a new search
        </Link>
      </div>
    );
  }
  const paperIds = result.papers.map((paper) => paper.id);
  const [matchedAuthors, marks] = await Promise.all([findMatchedAuthors(paperIds, query.filters.authors), loadPaperMarks(paperIds)]);
  // Corrected results page on as the corrected query.
  const state: SearchState = {
    q: result.correction?.showing ?? query.q,
    category: query.category,
    from: query.from,
    to: query.to,
    sort: query.requestedSort,
    ...(query.literal && { literal: "1" as const }),
  };
  const hits = result.papers.map((paper) => ({ ...paper, matchedAuthor: matchedAuthors.get(paper.id) }));
  // A query that reads as a sentence ranks full and partial matches together: one list, in order.
  const fullMatches = result.blended ? hits : hits.filter((hit) => hit.matchedAll);
  const partialMatches = result.blended ? [] : hits.filter((hit) => !hit.matchedAll);
  const controls = (paper: SearchHit) => <PaperControls arxivId={paper.arxivId} title={paper.title} mark={marks.of(paper.id)} />;
  const more = result.nextCursor ? { href: searchHref({ ...state, cursor: result.nextCursor }), label: "More results" } : null;
  const filtered = Boolean(query.category || query.from || query.to);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">
            Results for <q className="break-all">{state.q || query.category}</q>
          </h1>
          <p className="mt-1 text-sm text-stone-600 dark:text-stone-400" aria-live="polite">
            {result.total.count === 0 && result.papers.length > 0 ? "No paper has every word" : totalLabel(result.total)}
          </p>
          <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
            <Link
              href={`/subscribe?${topicParams(query.q, query.category)}`}
              className="font-medium text-accent-700 underline dark:text-accent-300"
            >
              Email me new papers matching this
            </Link>
            <a href={`/search/feed.xml?${topicParams(query.q, query.category)}`} className="text-stone-600 underline dark:text-stone-400">
              Atom feed
            </a>
          </p>
        </div>
        <SortTabs state={state} current={result.sort} canRank={query.filters.text !== ""} />
      </div>
      <SearchFilters state={state} />

      {result.correction && (
        <p className="text-stone-700 dark:text-stone-300">
          Showing results for <em className="font-medium">{result.correction.showing}</em> ·{" "}
          <Link
            href={searchHref({ ...state, q: result.correction.insteadOf, literal: "1", cursor: undefined })}
            className="text-accent-700 underline dark:text-accent-300"
          >
            Search instead for <em>{result.correction.insteadOf}</em>
          </Link>
        </p>
      )}
      {result.searchedPrefix && (
        <p className="text-sm text-stone-600 dark:text-stone-400">
          No paper has the word “{result.searchedPrefix}”, so these have words starting with it.
        </p>
      )}

      {result.alsoSearchingFor.length > 0 && (
        <p className="text-sm text-stone-600 dark:text-stone-400">
          Also searching for:{" "}
          {result.alsoSearchingFor.map((form, index) => (
            <span key={form}>
              {index > 0 && ", "}
              <span className="font-medium text-stone-800 dark:text-stone-200">{form}</span>
            </span>
          ))}
        </p>
      )}

      {result.blended && hits.some((hit) => !hit.matchedAll) && (
        <p className="text-sm text-stone-600 dark:text-stone-400">
          Your search reads as a question, so papers lacking one of its common words are ranked among the rest and say which.
        </p>
      )}

      {result.didYouMean && (
        <p className="text-stone-700 dark:text-stone-300">
          Did you mean{" "}
          <Link
            href={searchHref({ ...state, q: result.didYouMean, cursor: undefined })}
            className="font-medium text-accent-700 underline dark:text-accent-300"
          >
            {result.didYouMean}
          </Link>
          ?
        </p>
      )}

      {result.papers.length === 0 ? (
        <div className="space-y-4 rounded-lg border border-dashed border-stone-300 p-5 sm:p-8 dark:border-stone-700">
          <h2 className="text-lg font-medium">
            {query.cursor
              ? "No more results."
              : `No papers match ${query.q ? `“${query.q}”` : "these filters"}${filtered ? " with these filters" : ""}.`}
          </h2>
          {result.onlyStopWords ? (
            <p className="text-stone-600 dark:text-stone-300">
              Every word of this search is one search leaves out for being too common (like “the” or “of”). Add a more specific word.
            </p>
          ) : (
            <p className="text-stone-600 dark:text-stone-300">
              Check the spelling, use fewer words
              {filtered && (
                <>
                  , or{" "}
                  <Link
                    href={searchHref({ q: query.q, sort: query.requestedSort })}
                    className="text-accent-700 underline dark:text-accent-300"
                  >
                    search without the filters
                  </Link>
                </>
              )}
              . These searches work:
            </p>
          )}
          <SearchExamples />
        </div>
      ) : (
        <>
          {fullMatches.length > 0 && <PaperList papers={fullMatches} controls={controls} more={partialMatches.length > 0 ? null : more} />}
          {partialMatches.length > 0 && (
            <section aria-labelledby="partial-matches" className="space-y-3">
              <h2 id="partial-matches" className="flex items-center gap-3 text-sm font-medium text-stone-600 dark:text-stone-300">
                <span className="h-px flex-1 bg-stone-300 dark:bg-stone-700" aria-hidden="true" />
                Papers matching some of your words
                <span className="h-px flex-1 bg-stone-300 dark:bg-stone-700" aria-hidden="true" />
              </h2>
              <PaperList papers={partialMatches} controls={controls} more={more} />
            </section>
          )}
        </>
      )}
      {result.rankedNewest && (
        <p className="text-sm text-stone-600 dark:text-stone-400">
          These words appear in many papers, so relevance ranks the {result.rankedNewest.toLocaleString("en-US")} newest of them.{" "}
          <Link
            href={searchHref({ ...state, sort: "newest", cursor: undefined })}
            className="text-accent-700 underline dark:text-accent-300"
          >
            Sort by newest
          </Link>{" "}
          to go through all.
        </p>
      )}
      <AboutSearch />
    </div>
  );
}
