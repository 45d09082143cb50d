import "server-only";

import type { CardView } from "@/components/paper-card";
import { loadReaderMarks, type PaperMark, type PaperMarks } from "@/lib/library/paper-marks";
import { TASTE_PAPERS } from "@/lib/library/reader-taste";
import { cardView } from "@/lib/papers/card-view";
import { describePeriod, todayUtc } from "@/lib/papers/feed-period";
import { loadFeedPage } from "@/lib/papers/load-feed-page";
import type { PaperCard } from "@/lib/papers/paper-card";
import { richTextHtml } from "@/lib/text/rich-text";

import type { ForYouQuery } from "./for-you-query";
import { recommendForReader } from "./recommend-for-reader";
import { shortTitle } from "./short-title";
import type { TastePaper } from "./taste-papers";

/** A liked paper a recommendation is close to, as its reason names it: its short title as safe HTML (math typeset). */
export type ReasonPaper = { arxivId: string; title: string; shortTitleHtml: string; saved: boolean };

/** A For you card: the paper, the reader's mark on it, and why it is shown (none on a cold start's trending papers). */
export type ForYouCard = {
  card: CardView;
  title: string;
  mark: Pick<PaperMark, "saved" | "rating">;
  because: ReasonPaper[];
  terms: string[];
};

/**
 * What /for-you shows, as data: the page renders it, or its shell carries it to the browser
 * (lib/readers/personal-shells.ts). `liked` and `disliked` count what the model learns from.
 */
export type ForYouView = { liked: number; disliked: number } & (
  | { status: "cold_start"; trending: ForYouCard[]; trendingLabel: string }
  /** `shownFrom`: the first day of the latest period with papers, shown while the current one has none yet. */
  | { status: "ready"; cards: ForYouCard[]; shownFrom: string | null }
);

/** The marks of papers the reader has not marked. */
const UNMARKED: PaperMarks = { of: () => ({ signedIn: true, saved: false, rating: null }) };

/** Trending papers a new reader picks from: a month's, so there are enough to find a few. */
const COLD_START_PAPERS = 10;

export async function loadForYouView(readerId: number, query: ForYouQuery): Promise<ForYouView> {
  const result = await recommendForReader(readerId, query);
  const { liked, disliked } = result.taste;
  const counts = { liked: liked.length, disliked: disliked.length };
  const marksOf = (papers: PaperCard[]) =>
    loadReaderMarks(
      readerId,
      papers.map((paper) => paper.id),
    );
  if (result.status === "cold_start") {
    const trending = await loadFeedPage({ period: "month", limit: COLD_START_PAPERS }, todayUtc());
    return {
      ...counts,
      status: "cold_start",
      trending: forYouCards(trending.papers, await marksOf(trending.papers), () => []),
      trendingLabel: trending.latestInstead ? `in ${describePeriod("month", trending.date)}` : "this month",
    };
  }
  // Recommendations leave out every paper the model learns from, which is every paper the reader
  // marked unless they marked more than it learns from: only then can a recommended paper have a mark.
  const marks = liked.length + disliked.length < TASTE_PAPERS ? UNMARKED : await marksOf(result.papers);
  const reasonPaper = reasonPapers(liked);
  return {
    ...counts,
    status: "ready",
    cards: forYouCards(result.papers, marks, (paper) => paper.because.flatMap((id) => reasonPaper(id) ?? [])),
    shownFrom: result.latestInstead ? (result.window?.from ?? null) : null,
  };
}

function forYouCards<Paper extends PaperCard & { terms?: string[] }>(
  papers: Paper[],
  marks: PaperMarks,
  because: (paper: Paper) => ReasonPaper[],
): ForYouCard[] {
  return papers.map((paper) => {
    const { saved, rating } = marks.of(paper.id);
    return { card: cardView(paper), title: paper.title, mark: { saved, rating }, because: because(paper), terms: paper.terms ?? [] };
  });
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
