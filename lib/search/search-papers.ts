import "server-only";

import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
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

/**
 * Sends one statement and returns its rows. The app sends through Prisma; `npm run bench` passes
 * a plain pg pool, so it times exactly the statements the app sends, with and without Prisma.
 */
export type RunSql = <Row>(sql: Prisma.Sql) => Promise<Row[]>;

type Row = PaperCard & { rank: number | null; candidates: number | null; titleMarked: string; snippetMarked: string };

const DAY_MS = 86_400_000;
const FEW_RESULTS = 3;

const prismaRows: RunSql = <Row,>(sql: Prisma.Sql) => db.$queryRaw<Row[]>(sql);

export async function searchPapers(request: SearchPageOptions & { q: string }, run: RunSql = prismaRows): Promise<SearchResult> {
  const { sort, limit } = request;
  const { options, estimatedMatches } = await planSearch(request, run);
  const { filters } = options;
  const { rows, count } = await pageAndCount(run, options);
  const total: SearchTotal =
    count > COUNT_CAP
      ? { count: Math.max(estimatedMatches ?? (await estimateMatches(run, filters)), count), exact: false }
      : { count, exact: true };

  const papers = rows.slice(0, limit).map(({ titleMarked, snippetMarked, candidates, ...paper }) => ({
    ...paper,
    highlights: { title: highlightToHtml(titleMarked), abstract: highlightToHtml(snippetMarked) },
  }));
  const last = papers.at(-1);
  const nextCursor = rows.length > limit && last ? encodeCursor({ key: cursorKey(sort, last), id: last.id }) : null;

  const fewResults = filters.text !== "" && total.exact && total.count < FEW_RESULTS && !request.cursor;
  const [didYouMean, onlyStopWords] = fewResults
    ? await Promise.all([suggestCorrection(request.q), total.count === 0 ? hasOnlyStopWords(run, filters.text) : false])
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

/**
 * How a search's page is found: the phrase lookup first, if the query has phrases; then, by
 * relevance, the planner's estimate, which picks the plan (see BROAD_SHARE and recentWindowStart).
 * A planning-only EXPLAIN takes about a millisecond.
 */
export async function planSearch(request: SearchPageOptions, run: RunSql = prismaRows) {
  const filters = await withPhraseLookup(run, request.filters);
  if (request.sort !== "relevance" || filters.text === "") return { options: { ...request, filters }, estimatedMatches: undefined };
  const [estimatedMatches, corpus] = await Promise.all([estimateMatches(run, filters), corpusShape(run)]);
  const broad = isBroadQuery(estimatedMatches, corpus.papers);
  const windowStart = broad ? null : recentWindowStart(estimatedMatches, corpus);
  return { options: { ...request, filters, broad, windowStart }, estimatedMatches };
}

/**
 * The page and the capped count at once; then the page again without its window if the window
 * held fewer matches than relevance ranks, which would have changed the results.
 */
async function pageAndCount(run: RunSql, options: SearchPageOptions) {
  const [windowed, counted] = await Promise.all([
    run<Row>(searchPageSql(options)),
    run<{ count: number }>(searchCountSql(options.filters, options.broad)),
  ]);
  const tooFew = options.windowStart && (windowed[0]?.candidates ?? 0) < RELEVANCE_CANDIDATES;
  const rows = tooFew ? await run<Row>(searchPageSql({ ...options, windowStart: null })) : windowed;
  return { rows, count: counted[0]?.count ?? 0 };
}

/**
 * The planner's estimate of the matches. It multiplies the conditions' shares as if they were
 * unrelated, but a phrase's word pair and its words go together: the pairs' own estimate caps it.
 */
async function estimateMatches(run: RunSql, filters: SearchFilters): Promise<number> {
  const pairs = filters.phraseLookup?.pairs ?? [];
  const estimates = await Promise.all([
    planRows(run, searchEstimateSql({ ...filters, phraseLookup: undefined })),
    ...(pairs.length ? [planRows(run, phrasePairsEstimateSql(pairs))] : []),
  ]);
  return Math.min(...estimates);
}

async function planRows(run: RunSql, explain: Prisma.Sql): Promise<number> {
  const [row] = await run<{ "QUERY PLAN": unknown }>(explain);
  const raw = row?.["QUERY PLAN"];
  const plan = (typeof raw === "string" ? JSON.parse(raw) : raw) as [{ Plan?: { "Plan Rows"?: number } }] | undefined;
  return Math.round(plan?.[0]?.Plan?.["Plan Rows"] ?? 0);
}

/** The index lookup of the query's phrases, if it has any (see PhraseLookup). */
async function withPhraseLookup(run: RunSql, filters: SearchFilters): Promise<SearchFilters> {
  const terms = requiredTerms(filters.text);
  if (terms.phrases.length === 0) return filters;
  const [lookup] = await run<PhraseLookup>(phraseLookupSql(terms));
  return lookup ? { ...filters, phraseLookup: lookup } : filters;
}

// Re-read every few minutes (counting a month's papers takes a few milliseconds): a window's size
// only needs to be roughly right.
const CORPUS_SHAPE_TTL_MS = 5 * 60_000;
let corpusShapeCache: { value: CorpusShape; readAt: number } | null = null;

async function corpusShape(run: RunSql): Promise<CorpusShape> {
  if (corpusShapeCache && Date.now() - corpusShapeCache.readAt < CORPUS_SHAPE_TTL_MS) return corpusShapeCache.value;
  const [row] = await run<CorpusShape>(corpusShapeSql());
  const value = row ?? { papers: 0, firstDay: "1970-01-01", lastDay: "1970-01-01", recentPapers: 0 };
  corpusShapeCache = { value, readAt: Date.now() };
  return value;
}

async function hasOnlyStopWords(run: RunSql, text: string): Promise<boolean> {
  const [row] = await run<{ empty: boolean }>(Prisma.sql`SELECT numnode(${textQuerySql(text)}) = 0 AS empty`);
  return row?.empty ?? false;
}
