import { Prisma } from "@/lib/generated/prisma/client";
import { paperCardColumns } from "@/lib/papers/paper-card";

import { boostedScoreSql, RELEVANCE_CANDIDATES, relevanceScoreSql, textRankSql } from "./ranking";
import { anyTermQuerySql, candidateTerms, coverageSql, missingWordsSql, termQuerySql, termShare, type QueryTerm } from "./query-terms";
import type { SearchFilters } from "./search-query";
import { highlightsSql, searchConditionsSql, textQuerySql, type SearchPageOptions } from "./search-sql";
import { BROAD_SHARE } from "./search-window";

/**
 * A partial match must hold at least this share of the query's weight (rare words weigh more):
 * for "LLM agents", papers about agents qualify and papers that only mention LLMs do not.
 */
export const SEARCH_MIN_COVERAGE = 0.5;

// One order over the whole list, so one cursor pages across the divider: a full match's key is
// its relevance score (≥ 0), a partial match's is negative, coverage (to the hundredth) first and
// its score as a fraction of a hundredth after: -2 + coverage + score / 200 < 0.
const PARTIAL_KEY_OFFSET = 2;
const SCORE_SHARE = 200;

/**
 * One page by relevance of a plain query with few full matches: the full matches (all of them,
 * ranked as usual), then the papers holding at least `minCoverage` of its weight, by coverage
 * and then by their text rank on any of the words, each with the words it lacks. Partial matches
 * are looked for among the RELEVANCE_CANDIDATES newest papers holding one of the rarest terms
 * (see candidateTerms) and not all of them; the other filters (author:, category:, dates) stay
 * strict. Every full match (`fullMatches`, counted) holds those terms, so the same papers are the
 * newest RELEVANCE_CANDIDATES + fullMatches holders less the full matches: only those are tested
 * for every term, where testing every holder read a vector each, 17,147 of them for "walter warn"
 * at a million papers (205 ms).
 *
 * A vector is stored out of line (TOAST), and every use of `p.search_vector` fetches it again: a
 * candidate's was fetched four times (the full-match test, two coverage tests, the rank), which
 * doubled the page's time ("smooth quixotically" at 200,022 papers: 70 against 36 ms, the same
 * rows; see withVectorInMemory).
 */
export function partialPageSql(
  options: SearchPageOptions & { terms: QueryTerm[]; fullMatches: number; candidateWindowStart?: string | null },
  minCoverage = SEARCH_MIN_COVERAGE,
): Prisma.Sql {
  const { filters, terms, cursor, limit, fullMatches, candidateWindowStart = null } = options;
  const all = textQuerySql({ ...filters, terms });
  const any = anyTermQuerySql(terms);
  const rarest = candidateTerms(terms, minCoverage);
  const after = cursor ? Prisma.sql`(s.key, s.id) < (${cursor.key}::float8, ${cursor.id}::int)` : Prisma.sql`TRUE`;
  return Prisma.sql`
    WITH page AS (
      SELECT s.id, s.key, s.score FROM (
        SELECT p.id, ${relevanceScoreSql(any)} AS key, ${relevanceScoreSql(any)} AS score
        FROM paper p WHERE ${searchConditionsSql({ ...filters, terms })}
        UNION ALL
        SELECT m.id, round(m.coverage::numeric, 2)::float8 - ${PARTIAL_KEY_OFFSET}::float8 + least(m.score, 0.999) / ${SCORE_SHARE}::float8, m.score
        FROM (
          SELECT p.id, p.coverage, p.score
          FROM (
            SELECT p.id, p.listed_on, p.full_match, p.coverage,
                   CASE WHEN NOT p.full_match AND p.coverage >= ${minCoverage}::float8 THEN ${relevanceScoreSql(any)} END AS score
            FROM (
              SELECT p.*, p.search_vector @@ ${all} AS full_match, ${coverageSql(terms)} AS coverage
              FROM ${withVectorInMemory(newestHoldersSql(filters, rarest, RELEVANCE_CANDIDATES + fullMatches, candidateWindowStart))}
            ) p
            -- Ranked before the newest are kept, so the sort below carries numbers, not vectors.
            OFFSET 0
          ) p
          WHERE NOT p.full_match
          ORDER BY p.listed_on DESC, p.id DESC
          LIMIT ${RELEVANCE_CANDIDATES}
        ) m
        WHERE m.coverage >= ${minCoverage}::float8
      ) s
      WHERE ${after}
      ORDER BY s.key DESC, s.id DESC
      LIMIT ${limit + 1}
    )
    ${pageRowsSql(terms, any)}`;
}

/**
 * Where a partial match is looked for: the papers holding one of `rarest` (see candidateTerms) that
 * pass the query's other filters.
 */
export function partialCandidatesSql(filters: SearchFilters, rarest: QueryTerm[]): Prisma.Sql {
  const others = searchConditionsSql({ ...filters, text: "", terms: undefined, phraseLookup: undefined });
  return Prisma.sql`${others} AND p.search_vector @@ ${anyTermQuerySql(rarest)}`;
}

/**
 * The ids of the `count` newest partialCandidatesSql papers. With `windowStart` (see
 * recentWindowStart) they are looked for among the papers listed from that day first, where the
 * GIN entries are intersected with the date index's before a row is read: reading the dates of
 * every holder of "workload" (9,541 at a million papers) took 53 ms of the partial page. Only when
 * the window holds fewer than `count` are they looked for in the whole corpus, in the same
 * statement; a window holding `count` holds the newest, as every paper outside it is older.
 */
function newestHoldersSql(filters: SearchFilters, rarest: QueryTerm[], count: number, windowStart: string | null): Prisma.Sql {
  const holders = (window: Prisma.Sql) => Prisma.sql`
    SELECT p.id FROM paper p
    WHERE ${partialCandidatesSql(filters, rarest)} ${window}
    ORDER BY ${newestOf(rarest)} DESC, p.id DESC
    LIMIT ${count}`;
  if (!windowStart) return holders(Prisma.empty);
  return Prisma.sql`
    WITH recent AS MATERIALIZED (${holders(Prisma.sql`AND p.listed_on >= ${windowStart}::date`)})
    SELECT id FROM recent WHERE (SELECT count(*) FROM recent) >= ${count}
    UNION ALL
    (${holders(Prisma.sql`AND (SELECT count(*) FROM recent) < ${count}`)})`;
}

/**
 * The papers `ids` selects, as a relation `p` with the columns ranking reads (id, listed_on, votes,
 * search_vector), each vector fetched once and held in memory: concatenating the empty vector
 * copies it as it is, and OFFSET 0 keeps the planner from folding the copy back into every use.
 */
function withVectorInMemory(ids: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(
    SELECT p.id, p.listed_on, p.votes, p.search_vector || ''::tsvector AS search_vector
    FROM (${ids}) c JOIN paper p ON p.id = c.id
    OFFSET 0
  ) p`;
}

/**
 * One page by relevance of a query that reads as a sentence ("how do LLMs learn math reasoning"):
 * its words say what it is about, and a paper about exactly that may lack one of them ("learn").
 * Full and partial matches (at least `minCoverage` of the weight) are ranked together by each
 * term's text rank weighted by the term's idf, with the usual boosts: a paper lacking a word loses
 * that word's share, a small one for a common word. The candidates are the RELEVANCE_CANDIDATES
 * newest full matches, found as a strict search finds them, and as many newest papers holding one
 * of the rarest terms.
 */
export function blendedPageSql(options: SearchPageOptions & { terms: QueryTerm[] }, minCoverage = SEARCH_MIN_COVERAGE): Prisma.Sql {
  const { filters, terms, cursor, limit, broad = false } = options;
  const rarest = candidateTerms(terms, minCoverage);
  // As in a strict search: a broad query walks the date index, a narrower one gathers from GIN.
  const newest = broad ? Prisma.sql`p.listed_on` : Prisma.sql`p.listed_on + 0`;
  const after = cursor ? Prisma.sql`(s.score, s.id) < (${cursor.key}::float8, ${cursor.id}::int)` : Prisma.sql`TRUE`;
  return Prisma.sql`
    WITH candidate AS (
      (SELECT p.id FROM paper p WHERE ${searchConditionsSql({ ...filters, terms })}
       ORDER BY ${newest} DESC, p.id DESC LIMIT ${RELEVANCE_CANDIDATES})
      UNION
      (SELECT p.id FROM paper p WHERE ${partialCandidatesSql(filters, rarest)}
       ORDER BY ${newestOf(rarest)} DESC, p.id DESC LIMIT ${RELEVANCE_CANDIDATES})
    ),
    page AS (
      SELECT s.id, s.score AS key, s.score FROM (
        SELECT p.id, ${coverageSql(terms)} AS coverage, ${boostedScoreSql(weightedTextRankSql(terms))} AS score
        FROM ${withVectorInMemory(Prisma.sql`SELECT id FROM candidate`)}
      ) s
      WHERE s.coverage >= ${minCoverage}::float8 AND ${after}
      ORDER BY s.score DESC, s.id DESC
      LIMIT ${limit + 1}
    )
    ${pageRowsSql(terms, anyTermQuerySql(terms))}`;
}

/**
 * How the newest papers holding any of `terms` are found: by walking the date index and testing
 * each paper when the terms are in many papers (see BROAD_SHARE; the sum of their shares bounds
 * their union's), else gathered from GIN and sorted ("+ 0" hides the column from the index).
 */
function newestOf(terms: QueryTerm[]): Prisma.Sql {
  const share = terms.reduce((sum, term) => sum + termShare(term), 0);
  return share >= BROAD_SHARE ? Prisma.sql`p.listed_on` : Prisma.sql`p.listed_on + 0`;
}

/** The rows of a page chosen as `page (id, key, score)`, with the words each lacks and highlights. */
function pageRowsSql(terms: QueryTerm[], any: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT ${paperCardColumns}, page.score AS rank, NULL::int AS candidates, page.key AS "sortKey",
           ${missingWordsSql(terms)} AS missing, ${highlightsSql(any)}
    FROM page JOIN paper p ON p.id = page.id
    ORDER BY page.key DESC, p.id DESC`;
}

/**
 * A digest topic picks a partial match only when it holds at least this share of the topic's
 * terms, each counting the same, so a digest never fills with weak matches: "LLM math reasoning
 * reward" picks papers with three of its four terms; a topic of three terms or fewer stays strict.
 */
export const TOPIC_MIN_COVERAGE = 0.75;

/**
 * What a topic (a search, with its terms set) picks: the condition, the share of its terms a paper
 * holds (1 for a strict topic) and the words it lacks. `authorWords` as in searchConditionsSql.
 */
export function topicMatchSql(search: SearchFilters, authorWords: Prisma.Sql) {
  const terms = search.terms?.map((term) => ({ ...term, weight: 1 }));
  if (!terms || terms.length * (1 - TOPIC_MIN_COVERAGE) < 1) {
    return { condition: searchConditionsSql(search, authorWords), coverage: Prisma.sql`1::float8`, missing: Prisma.sql`'{}'::text[]` };
  }
  const others = searchConditionsSql({ ...search, text: "", terms: undefined, phraseLookup: undefined }, authorWords);
  const coverage = coverageSql(terms);
  return { condition: Prisma.sql`(${others} AND ${coverage} >= ${TOPIC_MIN_COVERAGE}::float8)`, coverage, missing: missingWordsSql(terms) };
}

/** Each term's text rank of `p`, weighted by the term's weight (its idf): a rare word's matches count more. */
function weightedTextRankSql(terms: QueryTerm[]): Prisma.Sql {
  const total = terms.reduce((sum, term) => sum + term.weight, 0) || 1;
  const ranks = terms.map((term) => Prisma.sql`${term.weight}::float8 * ${textRankSql(termQuerySql(term))}`);
  return Prisma.sql`((${Prisma.join(ranks, " + ")}) / ${total}::float8)`;
}
