import "server-only";

import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { encodeCursor } from "@/lib/papers/feed-cursor";
import type { PaperCard } from "@/lib/papers/paper-card";

import { highlightToHtml } from "./highlight";
import { RELEVANCE_CANDIDATES } from "./ranking";
import { requiredTerms } from "./required-terms";
import type { PhraseLookup, SearchFilters, SearchSort } from "./search-query";
import {
  corpusShapeSql,
  COUNT_CAP,
  isBroadQuery,
  phraseLookupSql,
  phrasePairsEstimateSql,
  recentWindowStart,
  searchCountSql,
  searchEstimateSql,
  searchPageSql,
  textQuerySql,
  type CorpusShape,
  type SearchPageOptions,
} from "./search-sql";
import { suggestCorrection } from "./suggest-correction";

export type SearchHit = PaperCard & {
  /** The relevance score (see ranking.ts); null when the search has no words to rank by. */
  rank: number | null;
  /** Safe HTML: the text escaped, the matched words in <mark>. */
  highlights: { title: string; abstract: string };
};

/** Exact up to COUNT_CAP; beyond, PostgreSQL's estimate, to be shown as "about". */
export type SearchTotal = { count: number; exact: boolean };

export type SearchResult = {
  sort: SearchSort;
  papers: SearchHit[];
  nextCursor: string | null;
  total: SearchTotal;
  /** A respelling of the query when it found little and a close word is in the index. */
  didYouMean: string | null;
  /** The words were all too common to index ("the", "of"), so nothing could match. */
  onlyStopWords: boolean;
  /** Set when relevance ranked only this many newest matches of a very broad query. */
  rankedNewest: number | null;
};

type Row = PaperCard & { rank: number | null; candidates: number | null; titleMarked: string; snippetMarked: string };

const DAY_MS = 86_400_000;
const FEW_RESULTS = 3;

export async function searchPapers(request: SearchPageOptions & { q: string }): Promise<SearchResult> {
  const options = { ...request, filters: await withPhraseLookup(request.filters) };
  const { filters, sort, limit } = options;
  // Relevance picks its plan by the estimate (see BROAD_SHARE); a planning-only EXPLAIN is ~1 ms.
  const ranked = sort === "relevance" && filters.text !== "";
  const [estimatedMatches, corpus] = ranked ? await Promise.all([estimateMatches(filters), corpusShape()]) : [undefined, null];
  const broad = estimatedMatches !== undefined && corpus !== null && isBroadQuery(estimatedMatches, corpus.papers);
  const windowStart = estimatedMatches !== undefined && corpus !== null && !broad ? recentWindowStart(estimatedMatches, corpus) : null;
  const page = (start: string | null) => db.$queryRaw<Row[]>(searchPageSql({ ...options, broad, windowStart: start }));
  const [windowed, counted] = await Promise.all([page(windowStart), db.$queryRaw<{ count: number }[]>(searchCountSql(filters, broad))]);
  // A window that held fewer matches than relevance ranks would change the results: rank them all.
  const rows = windowStart && (windowed[0]?.candidates ?? 0) < RELEVANCE_CANDIDATES ? await page(null) : windowed;
  const count = counted[0]?.count ?? 0;
  const total: SearchTotal =
    count > COUNT_CAP
      ? { count: Math.max(estimatedMatches ?? (await estimateMatches(filters)), count), exact: false }
      : { count, exact: true };

  const papers = rows.slice(0, limit).map(({ titleMarked, snippetMarked, candidates, ...paper }) => ({
    ...paper,
    highlights: { title: highlightToHtml(titleMarked), abstract: highlightToHtml(snippetMarked) },
  }));
  const last = papers.at(-1);
  const nextCursor = rows.length > limit && last ? encodeCursor({ key: cursorKey(sort, last), id: last.id }) : null;

  const fewResults = filters.text !== "" && total.exact && total.count < FEW_RESULTS && !options.cursor;
  const [didYouMean, onlyStopWords] = fewResults
    ? await Promise.all([suggestCorrection(options.q), total.count === 0 ? hasOnlyStopWords(filters.text) : false])
    : [null, false];

  const ranksNewestOnly = sort === "relevance" && filters.text !== "" && total.count > RELEVANCE_CANDIDATES;
  return {
    sort,
    papers,
    nextCursor,
    total,
    didYouMean: onlyStopWords ? null : didYouMean,
    onlyStopWords,
    rankedNewest: ranksNewestOnly ? RELEVANCE_CANDIDATES : null,
  };
}

function cursorKey(sort: SearchSort, paper: SearchHit): number {
  if (sort === "upvotes") return paper.upvotes;
  if (sort === "relevance" && paper.rank !== null) return paper.rank;
  return Date.parse(`${paper.listedOn}T00:00:00Z`) / DAY_MS;
}

/** Prepares the index lookup of the query's phrases, if it has any (see PhraseLookup). */
async function withPhraseLookup(filters: SearchFilters): Promise<SearchFilters> {
  const terms = requiredTerms(filters.text);
  if (terms.phrases.length === 0) return filters;
  const [lookup] = await db.$queryRaw<PhraseLookup[]>(phraseLookupSql(terms));
  return lookup ? { ...filters, phraseLookup: lookup } : filters;
}

/**
 * The planner's estimate of the matches. It multiplies the conditions' shares as if they were
 * unrelated, but a phrase's word pair and its words go together: the pairs' own estimate caps it.
 */
async function estimateMatches(filters: SearchFilters): Promise<number> {
  const pairs = filters.phraseLookup?.pairs ?? [];
  const estimates = await Promise.all([
    planRows(searchEstimateSql({ ...filters, phraseLookup: undefined })),
    ...(pairs.length ? [planRows(phrasePairsEstimateSql(pairs))] : []),
  ]);
  return Math.min(...estimates);
}

async function planRows(explain: Prisma.Sql): Promise<number> {
  const [row] = await db.$queryRaw<{ "QUERY PLAN": unknown }[]>(explain);
  const raw = row?.["QUERY PLAN"];
  const plan = (typeof raw === "string" ? JSON.parse(raw) : raw) as [{ Plan?: { "Plan Rows"?: number } }] | undefined;
  return Math.round(plan?.[0]?.Plan?.["Plan Rows"] ?? 0);
}

// Re-read every few minutes (counting a month's papers takes a few milliseconds): a window's size
// only needs to be roughly right.
const CORPUS_SHAPE_TTL_MS = 5 * 60_000;
let corpusShapeCache: { value: CorpusShape; readAt: number } | null = null;

async function corpusShape(): Promise<CorpusShape> {
  if (corpusShapeCache && Date.now() - corpusShapeCache.readAt < CORPUS_SHAPE_TTL_MS) return corpusShapeCache.value;
  const [row] = await db.$queryRaw<CorpusShape[]>(corpusShapeSql());
  const value = row ?? { papers: 0, firstDay: "1970-01-01", lastDay: "1970-01-01", recentPapers: 0 };
  corpusShapeCache = { value, readAt: Date.now() };
  return value;
}

async function hasOnlyStopWords(text: string): Promise<boolean> {
  const [row] = await db.$queryRaw<{ empty: boolean }[]>`SELECT numnode(${textQuerySql(text)}) = 0 AS empty`;
  return row?.empty ?? false;
}
