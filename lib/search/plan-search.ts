import "server-only";

import { readDb } from "@/lib/db-read";
import { Prisma } from "@/lib/generated/prisma/client";

import { expandQueryWords } from "./field-vocabulary";
import { partialCandidatesSql, SEARCH_MIN_COVERAGE } from "./partial-match-sql";
import { candidateTerms, idfWeight, lookupTerms, plainQueryWords, termQuerySql, termShare, type QueryTerm } from "./query-terms";
import { requiredTerms } from "./required-terms";
import type { PhraseLookup, SearchFilters } from "./search-query";
import {
  phraseLookupSql,
  phrasePairsEstimateSql,
  searchConditionsSql,
  searchEstimateSql,
  termEstimateSql,
  type RunSql,
  type SearchPageOptions,
} from "./search-sql";
import {
  corpusShapeSql,
  isBroadQuery,
  isWorthSampling,
  recentMatchesSql,
  recentWindowStart,
  scaledRecentMatches,
  type CorpusShape,
} from "./search-window";

// How a search is planned before its page is read: its terms and their forms, their weights, and
// the planner's estimate of its matches, which picks how the page is found.

export const prismaRows: RunSql = <Row>(sql: Prisma.Sql) => readDb.$queryRaw<Row[]>(sql);

/**
 * A plain query's terms that can match (a stop word alone cannot), each weighted by its idf; and
 * whether the query reads as a sentence: it had words search leaves out ("how", "do", "of"), so
 * its words are what it is about, not a list each paper must hold (see blendedPageSql).
 */
export type WeighedTerms = { terms: QueryTerm[]; natural: boolean };

export type SearchPlan = {
  options: SearchPageOptions;
  estimatedMatches: number | undefined;
  /** By relevance, for a plain query of two terms or more; null otherwise. */
  weighed: WeighedTerms | null;
};

/**
 * How a search's page is found: the phrase lookup first, if the query has phrases; then, by
 * relevance, the planner's estimate, which picks the plan (see BROAD_SHARE and recentWindowStart).
 * A planning-only EXPLAIN takes about a millisecond.
 */
export async function planSearch(request: SearchPageOptions & { prefixLastWord?: boolean }, run: RunSql = prismaRows): Promise<SearchPlan> {
  const filters = await withQueryTerms(run, await withPhraseLookup(run, request.filters), request.prefixLastWord ?? false);
  if (request.sort !== "relevance" || filters.text === "")
    return { options: { ...request, filters }, estimatedMatches: undefined, weighed: null };
  const terms = filters.terms ?? [];
  const [estimatedMatches, corpus, weighed] = await Promise.all([
    estimateMatches(run, filters),
    corpusShape(run),
    terms.length >= 2 ? weighTerms(run, terms) : null,
  ]);
  const lookup = weighed ? lookupTerms(weighed.terms) : null;
  const listed = weighed ? (lookup ?? weighed.terms).reduce((sum, term) => sum + termShare(term), 0) * corpus.papers : 0;
  const broad = isBroadQuery(estimatedMatches, corpus.papers, listed);
  // A broad query walks the date index, testing each paper: no list is read.
  const planned = !broad && lookup ? { ...filters, lookupTerms: lookup } : filters;
  const windowStart = broad ? null : await windowStartFor(run, searchConditionsSql(planned), estimatedMatches, corpus);
  return { options: { ...request, filters: planned, broad, windowStart }, estimatedMatches, weighed };
}

/** The first day of a query's window (see recentWindowStart), sized by its recent matches when the estimate may be a guess. */
async function windowStartFor(run: RunSql, conditions: Prisma.Sql, estimatedMatches: number, corpus: CorpusShape): Promise<string | null> {
  if (!isWorthSampling(estimatedMatches, corpus)) return recentWindowStart(estimatedMatches, corpus);
  const [row] = await run<{ matches: number }>(recentMatchesSql(conditions, corpus));
  return recentWindowStart(Math.max(estimatedMatches, scaledRecentMatches(row?.matches ?? 0, corpus)), corpus);
}

/**
 * The first day of the window the partial page looks for its candidates in (see partialPageSql),
 * sized as a strict search's is, from the planner's estimate of the papers holding one of the
 * rarest terms, or from their recent count when the estimate may be a guess. Null when they are
 * so many that the page walks the date index.
 */
export async function partialWindowStart(run: RunSql, filters: SearchFilters, terms: QueryTerm[]): Promise<string | null> {
  const conditions = partialCandidatesSql(filters, candidateTerms(terms, SEARCH_MIN_COVERAGE));
  const [estimatedHolders, corpus] = await Promise.all([
    planRows(run, Prisma.sql`EXPLAIN (FORMAT JSON) SELECT 1 FROM paper p WHERE ${conditions}`),
    corpusShape(run),
  ]);
  return isBroadQuery(estimatedHolders, corpus.papers) ? null : windowStartFor(run, conditions, estimatedHolders, corpus);
}

/**
 * The planner's estimate of the matches. It multiplies the conditions' shares as if they were
 * unrelated, but a phrase's word pair and its words go together: the pairs' own estimate caps it.
 */
export async function estimateMatches(run: RunSql, filters: SearchFilters): Promise<number> {
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

/**
 * The WeighedTerms of a plain query, the idf from the planner's estimate of the papers holding
 * each term: one planning-only EXPLAIN a term, about a millisecond.
 */
async function weighTerms(run: RunSql, terms: QueryTerm[]): Promise<WeighedTerms> {
  const [indexed, corpus] = await Promise.all([
    run<{ indexed: boolean[] }>(
      Prisma.sql`SELECT ARRAY[${Prisma.join(terms.map((term) => Prisma.sql`numnode(${termQuerySql(term)}) > 0`))}] AS indexed`,
    ),
    corpusShape(run),
  ]);
  const searchable = terms.filter((_, index) => indexed[0]?.indexed[index]);
  const holders = await Promise.all(searchable.map((term) => planRows(run, termEstimateSql(term))));
  return {
    terms: searchable.map((term, index) => ({ ...term, weight: idfWeight(holders[index]!, corpus.papers) })),
    natural: searchable.length < terms.length,
  };
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
