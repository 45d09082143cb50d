"use client";

import { LatestInsteadNotice } from "@/components/latest-instead-notice";
import { Link } from "@/components/link";
import { Notice } from "@/components/notice";
import { ParameterError } from "@/components/parameter-error";
import type { ForYouView } from "@/lib/for-you/for-you-view";
import { plural } from "@/lib/format";
import { describePeriod, periodLabel, type Period } from "@/lib/papers/feed-period";

import { ColdStart } from "./cold-start";
import { ForYouCards } from "./for-you-cards";
import { forYouHref } from "./for-you-href";
import { ForYouTabs } from "./for-you-tabs";
import { NothingInPeriod } from "./nothing-in-period";

/** Why a card's change did not happen (markAction), by the `notice` parameter. */
const NOTICES: Record<string, string> = {
  "slow-down": "Too many changes at once; wait a minute and try again.",
  gone: "Nothing changed: that paper is no longer in PaperPulse.",
  unreadable: "Nothing changed: the form could not be read; try again.",
};

/**
 * A signed-in reader's For you, from its data: rendered on the server, or drawn by the page's script
 * from the data its shell carries (for-you-loader.tsx).
 */
export function ForYouContent({ view, period, notice }: { view: ForYouView; period: Period; notice?: string }) {
  const returnTo = forYouHref(period);
  const shownFrom = view.status === "ready" ? (view.shownFrom ?? undefined) : undefined;
  const shownNotice = notice ? NOTICES[notice] : undefined;
  return (
    <>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">For you</h1>
          <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
            {view.status === "cold_start"
              ? "New papers ranked by what you save and rate."
              : `${shownFrom ? describePeriod(period, shownFrom) : periodLabel(period, undefined)}, ranked by what you saved and rated.`}{" "}
            {view.liked + view.disliked > 0 && (
              <>
                <Link href="/for-you/taste" className="font-medium text-accent-700 underline dark:text-accent-300">
                  What this learns from
                </Link>{" "}
                ({plural(view.liked, "liked paper")}, {view.disliked} not for you)
              </>
            )}
          </p>
        </div>
        {view.status === "ready" && <ForYouTabs current={period} />}
      </div>
      {shownNotice && <Notice tone="warning" role="status" title={shownNotice} />}
      {shownFrom && period !== "all" && <LatestInsteadNotice period={period} date={shownFrom} />}
      {view.status === "cold_start" ? (
        <ColdStart trending={view.trending} trendingLabel={view.trendingLabel} returnTo={returnTo} />
      ) : view.cards.length === 0 ? (
        <NothingInPeriod period={period} shownFrom={shownFrom} />
      ) : (
        <ForYouCards cards={view.cards} returnTo={returnTo} />
      )}
    </>
  );
}

export function ForYouParameterError({ issues }: { issues: readonly { message: string }[] }) {
  return (
    <ParameterError
      title="This link has a parameter we cannot read"
      issues={issues}
      back={{ href: "/for-you", label: "Show this week’s papers for you" }}
    />
  );
}
