import { Prisma } from "@/lib/generated/prisma/client";

import { RELEVANCE_CANDIDATES } from "./ranking";

// How a search by relevance finds its candidates at a million papers without reading every match:
// a broad query walks the date index, a medium one looks among recent papers first.

/**
 * When at least this share of papers match, relevance takes its newest candidates by walking the
 * (listed_on, id) index and testing each paper, which stops after RELEVANCE_CANDIDATES / share
 * papers. Below it, the matches are gathered from the GIN index and sorted, which is cheaper: the
 * walk reads a whole vector per paper it tests, a cost the planner does not see, so left alone it
 * walks for medium words too. (Above it, hidden from the index, the planner would scan the table.)
 */
export const BROAD_SHARE = 0.1;

/**
 * A walk of the date index costs about this many GIN list entries for each paper it tests. At a
 * million papers (2026-12-06 bench): testing a paper costs about 6 µs ("question", 25 % of papers,
 * 4,000 tested, 37 ms with the ranking), reading the lists about 80 ns an entry (the six terms of
 * "LLM math reasoning reinforcement learning reward", 3.5 million entries, 293 ms).
 */
const ENTRIES_PER_TESTED_PAPER = 75;

/**
 * Whether a query walks the date index (see BROAD_SHARE): when that many papers match, or when
 * the GIN lists it would read (`listEntries`, the papers holding each term looked up, summed) cost
 * more than the walk's tests, about RELEVANCE_CANDIDATES / (share matching) papers whatever the
 * corpus's size. Several common words, each in a third of the papers or more, match few papers
 * together, yet their lists are the corpus several times over.
 */
export function isBroadQuery(estimatedMatches: number, papers: number, listEntries = 0): boolean {
  const tested = (RELEVANCE_CANDIDATES * papers) / Math.max(estimatedMatches, 1);
  return estimatedMatches >= BROAD_SHARE * papers || listEntries > ENTRIES_PER_TESTED_PAPER * tested;
}

/** Enough about the table to size a window of recent papers. */
export type CorpusShape = {
  /** Papers in the table, as of the last ANALYZE. */
  papers: number;
  firstDay: string;
  lastDay: string;
  /** Papers listed in the RECENT_DAYS up to lastDay: how densely recent days are filled. */
  recentPapers: number;
};

const RECENT_DAYS = 30;
/** A window is sized to hold this many times RELEVANCE_CANDIDATES matches, by the estimate. */
const WINDOW_MARGIN = 3;
/** Below this many estimated matches a window would not save work. */
const MIN_WINDOW_MATCHES = 2 * WINDOW_MARGIN * RELEVANCE_CANDIDATES;
const DAY_MS = 86_400_000;

/** The CorpusShape, read from the catalog and the (listed_on, id) index. */
export function corpusShapeSql(): Prisma.Sql {
  return Prisma.sql`
    WITH days AS (SELECT min(listed_on) AS first, max(listed_on) AS last FROM paper)
    SELECT greatest(c.reltuples, 0)::float8 AS papers,
           coalesce(days.first, current_date)::text AS "firstDay",
           coalesce(days.last, current_date)::text AS "lastDay",
           (SELECT count(*) FROM paper p WHERE p.listed_on > days.last - ${RECENT_DAYS}::int)::int AS "recentPapers"
    FROM pg_class c, days
    WHERE c.oid = 'paper'::regclass`;
}

/**
 * Below BROAD_SHARE, gathering every match from GIN to find the newest costs a heap read per match
 * (215 ms for a word in 5% of a million papers). When a query matches many times
 * RELEVANCE_CANDIDATES papers, its newest matches are among the recent papers, and PostgreSQL
 * intersects the word's GIN entries with the date index's before reading any row. This is the
 * first day of a window of recent papers that, by the estimate, holds WINDOW_MARGIN times the
 * candidates; null when a window would not save work. The estimate can be wrong: a window that
 * holds fewer than RELEVANCE_CANDIDATES matches is not used (see searchPapers), so the candidates,
 * and the results, are always the same as without one.
 */
export function recentWindowStart(estimatedMatches: number, corpus: CorpusShape): string | null {
  if (estimatedMatches < MIN_WINDOW_MATCHES || corpus.papers <= 0 || corpus.recentPapers <= 0) return null;
  // Papers are not listed evenly over the years (arXiv grows), so the window is sized by how densely
  // the recent days are filled; older days are usually sparser, which only makes the window safer.
  const papersNeeded = (WINDOW_MARGIN * RELEVANCE_CANDIDATES * corpus.papers) / estimatedMatches;
  const days = Math.ceil((papersNeeded * RECENT_DAYS) / corpus.recentPapers);
  const last = Date.parse(`${corpus.lastDay}T00:00:00Z`);
  const start = new Date(last - (days - 1) * DAY_MS).toISOString().slice(0, 10);
  return start > corpus.firstDay ? start : null;
}

/** PostgreSQL's share of papers for a word its statistics do not list (DEFAULT_TS_MATCH_SEL). */
const UNLISTED_WORD_SHARE = 0.005;

/**
 * Whether a query's matches are worth counting among the recent papers before its window is sized
 * (see recentMatchesSql): when its estimate, too low for a window, may be the planner's guess. The
 * planner knows the share of the thousand or so commonest words its statistics list; any other
 * word it puts at UNLISTED_WORD_SHARE of papers, whatever its true share. "Belkin", in 2.4 % of a
 * million papers, was estimated at 5,014: no window, and all its 24,105 matches were read from the
 * table to find the newest 1,000 (115 ms). A window needs more matches than BROAD_SHARE of a small
 * corpus holds, so a small corpus is never sampled.
 */
export function isWorthSampling(estimatedMatches: number, corpus: CorpusShape): boolean {
  return (
    BROAD_SHARE * corpus.papers >= MIN_WINDOW_MATCHES &&
    corpus.recentPapers > 0 &&
    estimatedMatches >= 0.9 * UNLISTED_WORD_SHARE * corpus.papers &&
    recentWindowStart(estimatedMatches, corpus) === null
  );
}

/**
 * How many of the recent papers CorpusShape counts match `conditions`. PostgreSQL intersects the
 * GIN entries with the date index's before reading a row, so this reads the recent matches only:
 * for "Belkin" at a million papers about 650 rows and 5 ms. Scaled up, the count replaces a
 * planner's estimate that was only a guess (see isWorthSampling); the window it sizes is still
 * checked against the candidates it holds.
 */
export function recentMatchesSql(conditions: Prisma.Sql, corpus: CorpusShape): Prisma.Sql {
  return Prisma.sql`
    SELECT count(*)::int AS matches FROM paper p
    WHERE ${conditions} AND p.listed_on > ${corpus.lastDay}::date - ${RECENT_DAYS}::int`;
}

/** The matches in the whole corpus that `recentMatches` of its recent papers imply. */
export function scaledRecentMatches(recentMatches: number, corpus: CorpusShape): number {
  return corpus.recentPapers > 0 ? (recentMatches * corpus.papers) / corpus.recentPapers : 0;
}
