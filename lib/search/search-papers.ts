import "server-only";

import { Prisma } from "@/lib/generated/prisma/client";
import { encodeCursor } from "@/lib/papers/feed-cursor";
import type { PaperCard } from "@/lib/papers/paper-card";

import { highlightToHtml } from "./highlight";
import { blendedPageSql, partialPageSql } from "./partial-match-sql";
import { parseSearchText } from "./parse-search-text";
import { estimateMatches, partialWindowStart, planSearch, prismaRows, type SearchPlan, type WeighedTerms } from "./plan-search";
import { canBePrefix, plainQueryWords, type QueryTerm } from "./query-terms";
import { RELEVANCE_CANDIDATES } from "./ranking";
import { SEARCH_PAGE_SIZE, type SearchFilters, type SearchSort } from "./search-query";
import { COUNT_CAP, searchCountSql, searchPageSql, textQuerySql, type RunSql, type SearchPageOptions } from "./search-sql";
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
  /**
   * True when full and partial matches are ranked together, by how much of the query each covers
   * (a query that reads as a sentence, see blendedPageSql); else partial matches follow every full one.
   */
  blended: boolean;
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
/** The planner's estimate from which a query is not counted (see pageAndCount). */
const UNCOUNTED_ESTIMATE = 10 * COUNT_CAP;

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
  const { options, estimatedMatches, weighed } = await planSearch(request, run);
  const { filters } = options;
  const blended = blendedTerms(weighed);
  const page = await pageAndCount(run, options, blended, estimatedMatches);
  const { count } = page;
  const total: SearchTotal =
    count > COUNT_CAP
      ? { count: Math.max(estimatedMatches ?? (await estimateMatches(run, filters)), count), exact: false }
      : { count, exact: true };
  const continues = !blended && weighed !== null && weighed.terms.length >= 2 && count < SEARCH_PAGE_SIZE;
  const fewResults = filters.text !== "" && total.exact && total.count < FEW_RESULTS && !request.cursor;
  // Did-you-mean is asked while the partial matches are read: it needs the count only.
  const [rows, [didYouMean, onlyStopWords]] = await Promise.all([
    continues
      ? partialWindowStart(run, filters, weighed.terms).then((candidateWindowStart) =>
          run<Row>(partialPageSql({ ...options, terms: weighed.terms, fullMatches: count, candidateWindowStart })),
        )
      : page.rows,
    fewResults ? Promise.all([suggestCorrection(request.q), total.count === 0 ? hasOnlyStopWords(run, filters) : false]) : [null, false],
  ]);

  const papers = rows.slice(0, limit).map(({ titleMarked, snippetMarked, candidates, sortKey, missing = [], ...paper }) => ({
    ...paper,
    highlights: { title: highlightToHtml(titleMarked), abstract: highlightToHtml(snippetMarked) },
    matchedAll: missing.length === 0,
    missing,
  }));
  const last = rows[Math.min(rows.length, limit) - 1];
  const nextCursor = rows.length > limit && last ? encodeCursor({ key: cursorKey(sort, last), id: last.id }) : null;

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
    blended: blended !== null,
  };
}

/**
 * The terms to rank full and partial matches together by, if they are: those of a query that
 * reads as a sentence, two searchable terms or more.
 */
function blendedTerms(weighed: WeighedTerms | null): QueryTerm[] | null {
  return weighed?.natural && weighed.terms.length >= 2 ? weighed.terms : null;
}

/** The statement of a search's first page, as searchOnce sends it (for `npm run bench` to explain). */
export function firstPageSql({ options, weighed }: SearchPlan): Prisma.Sql {
  const blended = blendedTerms(weighed);
  return blended ? blendedPageSql({ ...options, terms: blended }) : searchPageSql(options);
}

function cursorKey(sort: SearchSort, paper: Row): number {
  if (paper.sortKey !== undefined && paper.sortKey !== null) return paper.sortKey;
  if (sort === "upvotes") return paper.upvotes;
  if (sort === "relevance" && paper.rank !== null) return paper.rank;
  return Date.parse(`${paper.listedOn}T00:00:00Z`) / DAY_MS;
}

/**
 * The page (full and partial matches together when `blended` is given) and the capped count of
 * full matches at once; then the page again without its window if the window held fewer matches
 * than relevance ranks, which would have changed the results. A query the planner expects to
 * match many times COUNT_CAP is not counted: the count would only say "more than COUNT_CAP", after
 * finding them.
 */
async function pageAndCount(run: RunSql, options: SearchPageOptions, blended: QueryTerm[] | null, estimatedMatches: number | undefined) {
  const counts = estimatedMatches === undefined || estimatedMatches < UNCOUNTED_ESTIMATE;
  const [windowed, counted] = await Promise.all([
    run<Row>(blended ? blendedPageSql({ ...options, terms: blended }) : searchPageSql(options)),
    counts ? run<{ count: number }>(searchCountSql(options.filters, options.broad)) : [{ count: COUNT_CAP + 1 }],
  ]);
  const tooFew = !blended && options.windowStart && (windowed[0]?.candidates ?? 0) < RELEVANCE_CANDIDATES;
  const rows = tooFew ? await run<Row>(searchPageSql({ ...options, windowStart: null })) : windowed;
  return { rows, count: counted[0]?.count ?? 0 };
}

async function hasOnlyStopWords(run: RunSql, filters: SearchFilters): Promise<boolean> {
  const [row] = await run<{ empty: boolean }>(Prisma.sql`SELECT numnode(${textQuerySql(filters)}) = 0 AS empty`);
  return row?.empty ?? false;
}
