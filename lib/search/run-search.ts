import type { Prisma } from "@/lib/generated/prisma/client";

import { RELEVANCE_CANDIDATES } from "./ranking";
import { requiredTerms } from "./required-terms";
import type { PhraseLookup, SearchFilters } from "./search-query";
import {
  isBroadQuery,
  phraseLookupSql,
  phrasePairsEstimateSql,
  recentWindowStart,
  searchCountSql,
  searchEstimateSql,
  searchPageSql,
  type CorpusShape,
  type SearchPageOptions,
} from "./search-sql";

// The statements of one search and the decisions between them, apart from how they are sent, so
// that `npm run bench` times exactly what the app does, through Prisma and through plain pg.

/** Sends one statement and returns its rows. */
export type RunSql = <Row>(sql: Prisma.Sql) => Promise<Row[]>;

export type SearchPlan = { options: SearchPageOptions; estimatedMatches: number | undefined };

/**
 * How a search's page is found: the phrase lookup first, if the query has phrases; then, by
 * relevance, the planner's estimate, which picks the plan (see BROAD_SHARE and recentWindowStart).
 * A planning-only EXPLAIN takes about a millisecond.
 */
export async function planSearch(run: RunSql, request: SearchPageOptions, corpusShape: () => Promise<CorpusShape>): Promise<SearchPlan> {
  const filters = await withPhraseLookup(run, request.filters);
  if (request.sort !== "relevance" || filters.text === "") return { options: { ...request, filters }, estimatedMatches: undefined };
  const [estimatedMatches, corpus] = await Promise.all([estimateMatches(run, filters), corpusShape()]);
  const broad = isBroadQuery(estimatedMatches, corpus.papers);
  const windowStart = broad ? null : recentWindowStart(estimatedMatches, corpus);
  return { options: { ...request, filters, broad, windowStart }, estimatedMatches };
}

/**
 * The page and the capped count at once; then the page again without its window if the window
 * held fewer matches than relevance ranks, which would have changed the results.
 */
export async function runSearch<Row extends { candidates: number | null }>(run: RunSql, { options }: SearchPlan) {
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

/** The index lookup of the query's phrases, if it has any (see PhraseLookup). */
async function withPhraseLookup(run: RunSql, filters: SearchFilters): Promise<SearchFilters> {
  const terms = requiredTerms(filters.text);
  if (terms.phrases.length === 0) return filters;
  const [lookup] = await run<PhraseLookup>(phraseLookupSql(terms));
  return lookup ? { ...filters, phraseLookup: lookup } : filters;
}
