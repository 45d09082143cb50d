import type { Metadata } from "next";

import { LatestInsteadNotice } from "@/components/latest-instead-notice";
import { Link } from "@/components/link";
import { Notice } from "@/components/notice";
import { PaperList } from "@/components/paper-list";
import { ParameterError } from "@/components/parameter-error";
import { forYouQuerySchema } from "@/lib/for-you/for-you-query";
import { recommendForReader } from "@/lib/for-you/recommend-for-reader";
import type { TastePaper } from "@/lib/for-you/taste-papers";
import { plural } from "@/lib/format";
import { searchParamsToObject } from "@/lib/http/search-params";
import { loadPaperMarks } from "@/lib/library/paper-marks";
import { describePeriod, periodLabel, todayUtc } from "@/lib/papers/feed-period";
import { loadFeedPage } from "@/lib/papers/load-feed-page";
import { getCurrentReader } from "@/lib/readers/current-reader";
import { richTextHtml } from "@/lib/text/rich-text";

import { ColdStart } from "./_components/cold-start";
import { ForYouTabs } from "./_components/for-you-tabs";
import { NothingInPeriod } from "./_components/nothing-in-period";
import { ForYouControls } from "./_components/for-you-controls";
import { forYouHref } from "./_components/for-you-href";
import { type ReasonPaper } from "./_components/recommendation-reason";
import { shortTitle } from "./_components/short-title";
import { SignedOut } from "./_components/signed-out";

export const metadata: Metadata = { title: "For you", robots: { index: false } };

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Why a card's change did not happen (markAction). */
const NOTICES: Record<string, string> = {
  "slow-down": "Too many changes at once; wait a minute and try again.",
  gone: "Nothing changed: that paper is no longer in PaperPulse.",
  unreadable: "Nothing changed: the form could not be read; try again.",
};

/** Trending papers a new reader picks from: a month's, so there are enough to find a few. */
const COLD_START_PAPERS = 10;

export default async function ForYouPage({ searchParams }: PageProps) {
  const reader = await getCurrentReader();
  if (!reader) return <SignedOut />;
  const params = searchParamsToObject(await searchParams);
  const parsed = forYouQuerySchema.safeParse(params);
  if (!parsed.success) {
    return (
      <ParameterError
        title="This link has a parameter we cannot read"
        issues={parsed.error.issues}
        back={{ href: "/for-you", label: "Show this week’s papers for you" }}
      />
    );
  }
  const { period } = parsed.data;
  const returnTo = forYouHref(period);
  const notice = params.notice ? NOTICES[params.notice] : undefined;
  const result = await recommendForReader(reader.readerId, parsed.data);
  const { liked, disliked } = result.taste;
  /** The first day of the latest period with papers, shown while the current one has none yet. */
  const shownFrom = result.status === "ready" && result.latestInstead ? result.window?.from : undefined;

  let body: React.ReactNode;
  if (result.status === "cold_start") {
    const trending = await loadFeedPage({ period: "month", limit: COLD_START_PAPERS }, todayUtc());
    const marks = await loadPaperMarks(trending.papers.map((paper) => paper.id));
    const label = trending.latestInstead ? `in ${describePeriod("month", trending.date)}` : "this month";
    body = <ColdStart trending={trending.papers} trendingLabel={label} marks={marks} returnTo={returnTo} />;
  } else if (result.papers.length === 0) {
    body = <NothingInPeriod period={period} shownFrom={shownFrom} />;
  } else {
    const marks = await loadPaperMarks(result.papers.map((paper) => paper.id));
    const reasonPaper = reasonPapers(liked);
    body = (
      <PaperList
        papers={result.papers}
        controls={(paper) => (
          <ForYouControls
            arxivId={paper.arxivId}
            title={paper.title}
            mark={marks.of(paper.id)}
            because={paper.because.flatMap((id) => reasonPaper(id) ?? [])}
            terms={paper.terms}
            returnTo={returnTo}
          />
        )}
      />
    );
  }

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">For you</h1>
          <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
            {result.status === "cold_start"
              ? "New papers ranked by what you save and rate."
              : `${shownFrom ? describePeriod(period, shownFrom) : periodLabel(period, undefined)}, ranked by what you saved and rated.`}{" "}
            {liked.length + disliked.length > 0 && (
              <>
                <Link href="/for-you/taste" className="font-medium text-accent-700 underline dark:text-accent-300">
                  What this learns from
                </Link>{" "}
                ({plural(liked.length, "liked paper")}, {disliked.length} not for you)
              </>
            )}
          </p>
        </div>
        {result.status === "ready" && <ForYouTabs current={period} />}
      </div>
      {notice && <Notice tone="warning" role="status" title={notice} />}
      {shownFrom && period !== "all" && <LatestInsteadNotice period={period} date={shownFrom} />}
      {body}
    </div>
  );
}

/** The liked papers a reason names, by arXiv id, their short titles typeset once each. */
function reasonPapers(liked: TastePaper[]): (arxivId: string) => ReasonPaper | undefined {
  const byArxivId = new Map(liked.map((paper) => [paper.arxivId, paper]));
  const made = new Map<string, ReasonPaper>();
  return (arxivId) => {
    const paper = byArxivId.get(arxivId);
    if (!paper) return undefined;
    if (!made.has(arxivId)) {
      made.set(arxivId, { arxivId, title: paper.title, saved: paper.saved, shortTitleHtml: richTextHtml(shortTitle(paper.title)) });
    }
    return made.get(arxivId);
  };
}
