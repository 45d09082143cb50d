import "server-only";

import { readDb } from "@/lib/db-read";
import { Prisma } from "@/lib/generated/prisma/client";
import { encodeCursor } from "@/lib/papers/feed-cursor";
import type { PaperCard } from "@/lib/papers/paper-card";

import { expandQueryWords } from "./field-vocabulary";
import { highlightToHtml } from "./highlight";
import { RELEVANCE_CANDIDATES } from "./ranking";
import { partialPageSql } from "./partial-match-sql";
import { parseSearchText } from "./parse-search-text";
import { canBePrefix, idfWeight, plainQueryWords, termQuerySql, type QueryTerm } from "./query-terms";
import { requiredTerms } from "./required-terms";
import { SEARCH_PAGE_SIZE, type PhraseLookup, type SearchFilters, type SearchSort } from "./search-query";
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
  termEstimateSql,
  textQuerySql,
  type CorpusShape,
  type RunSql,
  type SearchPageOptions,
} from "./search-sql";
import { suggestCorrection } from "./suggest-correction";

export type { RunSql } from "./search-sql";

export type SearchHit = PaperCard & {
  /** The relevance score (see ranking.ts); null when the search has no words to rank by. */
  rank: number | null;
  /** Safe HTML: the text escaped, the matched words in <mark>. */
  highlights: { title: string; abstract: string };
  /** False for a partial match (see partial-match-sql.ts), listed after every full match. */
  matchedAll: boolean;
  /** The query's words a partial match lacks, as typed. */
  missing: string[];
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
  /** Other forms of the query's words that were searched too (acronyms, expansions, synonyms). */
  alsoSearchingFor: string[];
  /**
   * Set when the query found nothing and its confident correction did: these are the results for
   * `showing` (page on with it as q); `insteadOf` is the query as typed.
   */
  correction: { showing: string; insteadOf: string } | null;
  /** Set when the query found nothing until its last word was taken as the start of words ("kirs"). */
  searchedPrefix: string | null;
};

/** What the page and the API ask for; `literal` searches the query as typed, with no second try. */
export type SearchRequest = SearchPageOptions & { q: string; literal?: boolean };

type Row = PaperCard & {
  rank: number | null;
  candidates: number | null;
  titleMarked: string;
  snippetMarked: string;
  /** Set by the partial page: the key it is ordered by. */
  sortKey?: number;
  missing?: string[];
};

const DAY_MS = 86_400_000;
const FEW_RESULTS = 3;

const prismaRows: RunSql = <Row>(sql: Prisma.Sql) => readDb.$queryRaw<Row[]>(sql);

/**
 * A page of results. A query that finds nothing, not even partially, is tried again: with its last
 * word as the start of words (as the suggestion box reads it), then as did-you-mean corrects it,
 * and the first that finds something answers, saying so; unless asked for literally.
 */
export async function searchPapers(request: SearchRequest, run: RunSql = prismaRows): Promise<SearchResult> {
  const result = await searchOnce(request, run);
  if (result.total.count > 0 || request.literal || !(await findsNothing(request, result, run))) return result;
  const last = plainQueryWords(request.filters.text)?.at(-1);
  if (last && canBePrefix(last)) {
    const prefixed = await searchOnce({ ...request, prefixLastWord: true }, run);
    if (prefixed.papers.length > 0) return { ...prefixed, didYouMean: null, searchedPrefix: last };
  }
  const corrected = result.didYouMean && !request.cursor ? parseSearchText(result.didYouMean) : null;
  if (corrected?.ok) {
    const filters = { ...request.filters, ...corrected.value, categories: request.filters.categories };
    const found = await searchOnce({ ...request, q: result.didYouMean!, filters }, run);
    if (found.papers.length > 0) return { ...found, didYouMean: null, correction: { showing: result.didYouMean!, insteadOf: request.q } };
  }
  return result;
}

/** Whether a query with no full match has no partial match either, on any page. */
async function findsNothing(request: SearchRequest, result: SearchResult, run: RunSql): Promise<boolean> {
  if (!request.cursor) return result.papers.length === 0;
  return (await searchOnce({ ...request, cursor: undefined, limit: 1 }, run)).papers.length === 0;
}

async function searchOnce(request: SearchRequest & { prefixLastWord?: boolean }, run: RunSql): Promise<SearchResult> {
  const { sort, limit } = request;
  const { options, estimatedMatches } = await planSearch(request, run);
  const { filters } = options;
  const page = await pageAndCount(run, options);
  const { count } = page;
  const partialTerms = continuesWithPartialMatches(options, count) ? await weighTerms(run, options.filters.terms ?? []) : [];
  const rows = partialTerms.length >= 2 ? await run<Row>(partialPageSql({ ...options, terms: partialTerms })) : page.rows;
  const total: SearchTotal =
    count > COUNT_CAP
      ? { count: Math.max(estimatedMatches ?? (await estimateMatches(run, filters)), count), exact: false }
      : { count, exact: true };

  const papers = rows.slice(0, limit).map(({ titleMarked, snippetMarked, candidates, sortKey, missing = [], ...paper }) => ({
    ...paper,
    highlights: { title: highlightToHtml(titleMarked), abstract: highlightToHtml(snippetMarked) },
    matchedAll: missing.length === 0,
    missing,
  }));
  const last = rows[Math.min(rows.length, limit) - 1];
  const nextCursor = rows.length > limit && last ? encodeCursor({ key: cursorKey(sort, last), id: last.id }) : null;

  const fewResults = filters.text !== "" && total.exact && total.count < FEW_RESULTS && !request.cursor;
  const [didYouMean, onlyStopWords] = fewResults
    ? await Promise.all([suggestCorrection(request.q), total.count === 0 ? hasOnlyStopWords(run, filters) : false])
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
    alsoSearchingFor: [...new Set((filters.terms ?? []).flatMap((term) => term.alternatives))],
    correction: null,
    searchedPrefix: null,
  };
}

function cursorKey(sort: SearchSort, paper: Row): number {
  if (paper.sortKey !== undefined && paper.sortKey !== null) return paper.sortKey;
  if (sort === "upvotes") return paper.upvotes;
  if (sort === "relevance" && paper.rank !== null) return paper.rank;
  return Date.parse(`${paper.listedOn}T00:00:00Z`) / DAY_MS;
}

/**
 * How a search's page is found: the phrase lookup first, if the query has phrases; then, by
 * relevance, the planner's estimate, which picks the plan (see BROAD_SHARE and recentWindowStart).
 * A planning-only EXPLAIN takes about a millisecond.
 */
export async function planSearch(request: SearchPageOptions & { prefixLastWord?: boolean }, run: RunSql = prismaRows) {
  const filters = await withQueryTerms(run, await withPhraseLookup(run, request.filters), request.prefixLastWord ?? false);
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

/** A plain query's words as terms with their other forms (see field-vocabulary.ts), each weighing the same until weighed. */
async function withQueryTerms(run: RunSql, filters: SearchFilters, prefixLastWord: boolean): Promise<SearchFilters> {
  const words = plainQueryWords(filters.text);
  if (!words) return filters;
  const terms = await expandQueryWords(run, words);
  return {
    ...filters,
    terms: prefixLastWord ? terms.map((term, index) => (index === terms.length - 1 ? { ...term, prefix: true } : term)) : terms,
  };
}

/** Whether a page by relevance continues with partial matches: fewer than a page of papers match every word. */
function continuesWithPartialMatches({ filters, sort }: SearchPageOptions, count: number): boolean {
  return sort === "relevance" && (filters.terms?.length ?? 0) >= 2 && count < SEARCH_PAGE_SIZE;
}

/**
 * The terms that can match (a stop word alone cannot), weighted by idf from the planner's
 * estimate of the papers holding each: one planning-only EXPLAIN a term, about a millisecond.
 */
async function weighTerms(run: RunSql, terms: QueryTerm[]): Promise<QueryTerm[]> {
  const [indexed, corpus] = await Promise.all([
    run<{ indexed: boolean[] }>(
      Prisma.sql`SELECT ARRAY[${Prisma.join(terms.map((term) => Prisma.sql`numnode(${termQuerySql(term)}) > 0`))}] AS indexed`,
    ),
    corpusShape(run),
  ]);
  const searchable = terms.filter((_, index) => indexed[0]?.indexed[index]);
  const holders = await Promise.all(searchable.map((term) => planRows(run, termEstimateSql(term))));
  return searchable.map((term, index) => ({ ...term, weight: idfWeight(holders[index]!, corpus.papers) }));
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

async function hasOnlyStopWords(run: RunSql, filters: SearchFilters): Promise<boolean> {
  const [row] = await run<{ empty: boolean }>(Prisma.sql`SELECT numnode(${textQuerySql(filters)}) = 0 AS empty`);
  return row?.empty ?? false;
}
