import type { Metadata } from "next";

import { LatestInsteadNotice } from "@/components/latest-instead-notice";
import { Link } from "@/components/link";
import { ParameterError } from "@/components/parameter-error";
import { PaperList } from "@/components/paper-list";
import { PaperControls } from "@/components/paper-controls";
import { formatDay, plural } from "@/lib/format";
import { loadPaperMarks } from "@/lib/library/paper-marks";
import { searchParamsToObject } from "@/lib/http/search-params";
import { describePeriod, periodLabel, periodParam, todayUtc } from "@/lib/papers/feed-period";
import { feedQuerySchema } from "@/lib/papers/feed-query";
import { loadFeedPage } from "@/lib/papers/load-feed-page";

import { AboutRanking } from "./_components/about-ranking";
import { EmptyPeriod } from "./_components/empty-period";
import { feedHref } from "./_components/feed-href";
import { PeriodStepper } from "./_components/period-stepper";
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
      <ParameterError
        title="This link has a parameter we cannot read"
        issues={parsed.error.issues}
        back={{ href: "/", label: "Show today’s papers" }}
      />
    );
  }

  const feed = await loadFeedPage(parsed.data, todayUtc());
  const { period, date, window } = feed;
  const { cursor } = parsed.data;
  const dateParam = feed.dated && period !== "all" ? periodParam(period, date) : undefined;
  const shown = describePeriod(period, date);
  const marks = await loadPaperMarks(feed.papers.map((paper) => paper.id));

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Trending papers</h1>
          <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
            {window
              ? window.from === window.to
                ? `${periodLabel(period, date)}: ${formatDay(window.to)}`
                : `${periodLabel(period, date)}: ${period === "month" ? shown : `${formatDay(window.from)} – ${formatDay(window.to)}`}`
              : "All time, by upvotes"}
          </p>
        </div>
        <PeriodTabs current={period} date={feed.dated ? date : undefined} />
      </div>
      {period !== "all" && <PeriodStepper period={period} date={date} adjacent={feed.adjacent} />}

      {feed.latestInstead && period !== "all" && <LatestInsteadNotice period={period} date={date} />}
      {cursor && (
        <p className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-stone-600 dark:text-stone-400">
          {feed.total && (
            <span>
              {feed.total.exact ? plural(feed.total.count, "paper") : `About ${plural(feed.total.count, "paper")}`} in{" "}
              {period === "all" ? "all" : shown}
            </span>
          )}
          <Link href={feedHref({ period, date: dateParam })} className="font-medium text-accent-700 underline dark:text-accent-300">
            Back to the first page
          </Link>
        </p>
      )}

      {feed.papers.length === 0 ? (
        <EmptyPeriod period={period} date={date} adjacent={feed.adjacent} laterPage={Boolean(cursor)} />
      ) : (
        <PaperList
          papers={feed.papers}
          controls={(paper) => <PaperControls arxivId={paper.arxivId} title={paper.title} mark={marks.of(paper.id)} />}
          more={feed.nextCursor ? { href: feedHref({ period, date: dateParam, cursor: feed.nextCursor }), label: "More papers" } : null}
        />
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
