import type { Metadata } from "next";
import Link from "next/link";

import { PaperCard } from "@/components/paper-card";
import { PaperControls } from "@/components/paper-controls";
import { formatDay } from "@/lib/format";
import { loadPaperMarks } from "@/lib/library/paper-marks";
import { searchParamsToObject } from "@/lib/http/search-params";
import { feedQuerySchema } from "@/lib/papers/feed-query";
import { periodLabel, periodWindow, todayUtc } from "@/lib/papers/feed-period";
import { findNearestListing } from "@/lib/papers/find-nearest-listing";
import { getTrendingPapers } from "@/lib/papers/get-trending-papers";

import { AboutRanking } from "./_components/about-ranking";
import { DayPicker } from "./_components/day-picker";
import { feedHref } from "./_components/feed-href";
import { PeriodTabs } from "./_components/period-tabs";

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: PageProps): Promise<Metadata> {
  const parsed = feedQuerySchema.safeParse(searchParamsToObject(await searchParams));
  const period = parsed.success ? parsed.data.period : "day";
  return {
    alternates: {
      canonical: "/",
      types: { "application/atom+xml": [{ url: `/feed.xml?period=${period}`, title: "PaperPulse trending papers" }] },
    },
  };
}

export default async function FeedPage({ searchParams }: PageProps) {
  const parsed = feedQuerySchema.safeParse(searchParamsToObject(await searchParams));
  if (!parsed.success) {
    return (
      <div role="alert" className="py-12 text-center">
        <h1 className="text-xl font-semibold">This link has a parameter we cannot read</h1>
        <p className="mt-2 text-stone-600 dark:text-stone-300">{parsed.error.issues.map((issue) => issue.message).join("; ")}.</p>
        <Link href="/" className="mt-6 inline-block text-accent-700 underline dark:text-accent-300">
          Show today&apos;s papers
        </Link>
      </div>
    );
  }

  const { period, cursor, limit } = parsed.data;
  const date = parsed.data.date ?? todayUtc();
  const dateParam = parsed.data.date;
  const page = await getTrendingPapers({ period, date, cursor, limit });
  const marks = await loadPaperMarks(page.papers.map((paper) => paper.id));
  const nearest = page.papers.length === 0 && !cursor ? await findNearestListing(period, date) : null;
  const window = periodWindow(period, date);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Trending papers</h1>
          <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
            {window
              ? window.from === window.to
                ? `${periodLabel(period, dateParam)}: ${formatDay(window.to)}`
                : `${periodLabel(period, dateParam)}: ${formatDay(window.from)} – ${formatDay(window.to)}`
              : "All time, by upvotes"}
          </p>
        </div>
        <PeriodTabs current={period} date={dateParam} />
      </div>
      {period !== "all" && <DayPicker period={period} date={date} />}

      {page.papers.length === 0 ? (
        <div className="rounded-lg border border-dashed border-stone-300 p-10 text-center dark:border-stone-700">
          <h2 className="text-lg font-medium">{cursor ? "No more papers in this period." : "No papers were listed in this period."}</h2>
          {nearest && (
            <p className="mt-3 text-stone-600 dark:text-stone-300">
              The nearest listing with papers is {formatDay(nearest)}.{" "}
              <Link href={feedHref({ period, date: nearest })} className="font-medium text-accent-700 underline dark:text-accent-300">
                Show {period === "day" ? "that day" : `the ${period} ending then`}
              </Link>
            </p>
          )}
          <p className="mt-3 text-sm">
            <Link href={feedHref({ period: "all" })} className="text-accent-700 underline dark:text-accent-300">
              Or browse all time
            </Link>
          </p>
        </div>
      ) : (
        <ol className="space-y-3">
          {page.papers.map((paper) => (
            <li key={paper.id}>
              <PaperCard paper={paper} controls={<PaperControls arxivId={paper.arxivId} title={paper.title} mark={marks.of(paper.id)} />} />
            </li>
          ))}
        </ol>
      )}

      {page.nextCursor && (
        <div className="text-center">
          <Link
            href={feedHref({ period, date: dateParam, cursor: page.nextCursor })}
            className="inline-block rounded-md border border-stone-300 px-4 py-2 text-sm font-medium hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800"
          >
            More papers
          </Link>
        </div>
      )}
      <p className="text-center text-sm text-stone-600 dark:text-stone-400">
        Want new papers on your topics by email?{" "}
        <Link href="/subscribe" className="font-medium text-accent-700 underline dark:text-accent-300">
          Subscribe to a digest
        </Link>
      </p>
      <AboutRanking />
    </div>
  );
}
