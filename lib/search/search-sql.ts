import { Prisma } from "@/lib/generated/prisma/client";
import type { FeedCursor } from "@/lib/papers/feed-cursor";
import { paperCardColumns } from "@/lib/papers/paper-card";

import { MARK_START, MARK_STOP } from "./highlight";
import { RELEVANCE_CANDIDATES, relevanceScoreSql } from "./ranking";
import type { RequiredTerms } from "./required-terms";
import { allTermsQuerySql, anyTermQuerySql, termQuerySql, type QueryTerm } from "./query-terms";
import type { PhraseLookup, SearchFilters, SearchSort } from "./search-query";

// The SQL of a search, built by pure functions so `npm run bench` can send the very same
// statements to PostgreSQL that the app sends. Every query reads `paper p`.

/**
 * Sends one statement and returns its rows. The app sends through Prisma; `npm run bench` and
 * `npm run eval` may pass a plain pg pool, so they run exactly the statements the app sends.
 */
export type RunSql = <Row>(sql: Prisma.Sql) => Promise<Row[]>;

/** Counting stops here; beyond it the total is the planner's estimate, shown as "about". */
export const COUNT_CAP = 2_000;

const TITLE_HIGHLIGHT = `HighlightAll=true, StartSel="${MARK_START}", StopSel="${MARK_STOP}"`;
const SNIPPET_HIGHLIGHT = `MaxFragments=2, MaxWords=30, MinWords=12, ShortWord=3, FragmentDelimiter=" … ", StartSel="${MARK_START}", StopSel="${MARK_STOP}"`;
const SNIPPET_CHARS = 320;

/**
 * The tsquery of a search's text: its terms with their alternative forms when it has them (a plain
 * query, see query-terms.ts), else the text as typed. websearch_to_tsquery never raises a syntax
 * error, whatever a person types.
 */
export function textQuerySql(search: { text: string; terms?: QueryTerm[] }): Prisma.Sql {
  if (search.terms?.length) return allTermsQuerySql(search.terms);
  return Prisma.sql`websearch_to_tsquery('paper_search'::regconfig, ${search.text})`;
}

/**
 * The tsquery a search ranks and highlights by. For a plain query, any of its terms' forms: cover
 * density over the conjunction needs one stretch of text holding every word, so past three words
 * nearly every paper scores about 0 and the boosts alone would order them; over the disjunction a
 * paper scores by how often, and where (title first), it uses the words.
 */
export function rankQuerySql(search: { text: string; terms?: QueryTerm[] }): Prisma.Sql {
  return search.terms?.length ? anyTermQuerySql(search.terms) : textQuerySql(search);
}

/** A paper's author words as the author-words index holds them (see the author_words migration). */
export const AUTHOR_WORDS_SQL = Prisma.sql`paper_author_words(p.authors_folded)`;

// Author names are compared folded (lower case, no accents), word by word: a word of the query
// must be one of the words of the author list.
function authorWordSql(word: string, authorWords: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`${authorWords} @> ARRAY[regexp_replace(paper_fold(${word}), '[^[:alnum:]]+', '', 'g')]`;
}

/**
 * The text condition. GIN knows which papers hold a word, not where, so for a phrase its answer is
 * inexact and PostgreSQL rechecks every condition of the scan on every row it finds: for a phrase
 * of common words that is every paper holding both words (1 s at a million papers), and the word
 * pairs would be recomputed for each (0.2 ms a paper). With a lookup, the papers are found through
 * exact index conditions (the word pairs, the other words' lexemes), and the query itself only
 * tests the rows found, unless the lookup is exact: ts_match_vq is `@@` written as a call, which no
 * index serves. A plain query's lookup terms (see lookupTerms) are found the same way: the index
 * reads the rare terms' lists only, and the query tests the rows found.
 */
function textConditionSql(filters: SearchFilters, lookup: PhraseLookup | undefined): Prisma.Sql {
  const query = textQuerySql(filters);
  if (filters.lookupTerms?.length) {
    return Prisma.sql`(p.search_vector @@ ${allTermsQuerySql(filters.lookupTerms)} AND ts_match_vq(p.search_vector, ${query}))`;
  }
  if (!lookup?.pairs.length) return Prisma.sql`p.search_vector @@ ${query}`;
  const others = lookup.otherWords ? Prisma.sql`AND p.search_vector @@ ${lookup.otherWords}::tsquery` : Prisma.empty;
  const test = lookup.exact ? Prisma.empty : Prisma.sql`AND ts_match_vq(p.search_vector, ${query})`;
  return Prisma.sql`(paper_word_pairs(p.search_vector) @> ${lookup.pairs}::text[] ${others} ${test})`;
}

/**
 * The conditions a paper must meet to match. `authorWords` is where they read the author words: a
 * caller that tests many queries against the same few papers passes a column that holds them.
 */
export function searchConditionsSql(filters: SearchFilters, authorWords = AUTHOR_WORDS_SQL): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (filters.arxivId) conditions.push(Prisma.sql`p.arxiv_id = ${filters.arxivId}`);
  if (filters.text) conditions.push(textConditionSql(filters, filters.phraseLookup));
  for (const word of filters.authors.flat()) conditions.push(authorWordSql(word, authorWords));
  for (const category of filters.categories) conditions.push(Prisma.sql`p.categories @> ARRAY[${category}]::text[]`);
  if (filters.from) conditions.push(Prisma.sql`p.listed_on >= ${filters.from}::date`);
  if (filters.to) conditions.push(Prisma.sql`p.listed_on <= ${filters.to}::date`);
  return conditions.length ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`;
}

/**
 * The PhraseLookup of a query's required terms (see required-terms.ts). A phrase whose words are
 * not side by side once stop words are dropped ("state of the art") has no pairs to look up; its
 * words join the other words. The lookup is exact when the query is nothing but two-word phrases
 * and plain words: a paper holding the pair "a b" has a and b side by side, which is all the
 * phrase asks.
 */
export function phraseLookupSql({ phrases, words, plain }: RequiredTerms): Prisma.Sql {
  return Prisma.sql`
    WITH phrase AS (
      SELECT text, length(vector) AS lexemes, paper_word_pairs(vector) AS pairs
      FROM unnest(${phrases}::text[]) AS text, to_tsvector('paper_search'::regconfig, text) AS vector
    )
    SELECT (SELECT coalesce(array_agg(DISTINCT pair), '{}') FROM phrase, unnest(phrase.pairs) AS pair) AS pairs,
           CASE WHEN numnode(q) > 0 THEN q::text END AS "otherWords",
           ${plain}::boolean AND (SELECT bool_and(lexemes = 2 AND cardinality(pairs) = 1) FROM phrase)
             -- Each plain word must be one token, or websearch_to_tsquery would make it a phrase of
             -- its own; the parser decides, so it is asked rather than assumed.
             AND (SELECT coalesce(bool_and(length(to_tsvector('paper_search'::regconfig, word)) <= 1), true)
                  FROM unnest(${words}::text[]) AS word) AS exact
    FROM plainto_tsquery('paper_search'::regconfig,
           concat_ws(' ', ${words.join(" ")}::text, (SELECT string_agg(text, ' ') FROM phrase WHERE cardinality(pairs) = 0))) AS q`;
}

/** The planner's estimate of the papers holding every given word pair: no other condition can be rarer. */
export function phrasePairsEstimateSql(pairs: string[]): Prisma.Sql {
  return Prisma.sql`EXPLAIN (FORMAT JSON) SELECT 1 FROM paper p WHERE paper_word_pairs(p.search_vector) @> ${pairs}::text[]`;
}

/**
 * The conditions as a plan uses them. A broad query's matches are found by testing papers one by
 * one (walking the date index, or counting the first few thousand), where a phrase lookup would
 * only cost time; and its word pairs, held by a large share of papers, would overflow the bitmap
 * into whole pages whose every row has its pairs recomputed.
 */
function planConditionsSql(filters: SearchFilters, broad: boolean): Prisma.Sql {
  return searchConditionsSql(broad ? { ...filters, phraseLookup: undefined } : filters);
}

export type SearchPageOptions = {
  filters: SearchFilters;
  sort: SearchSort;
  cursor?: FeedCursor;
  limit: number;
  /** A very common query (see BROAD_SHARE); only relevance uses it. */
  broad?: boolean;
  /** Relevance looks for its candidates among papers listed from this day (see recentWindowStart). */
  windowStart?: string | null;
};

/**
 * The ids (and, by relevance, scores and how many candidates were ranked) of one page, plus one row
 * to tell whether more follow.
 */
function pageIdsSql({ filters, sort, cursor, limit, broad = false, windowStart }: SearchPageOptions): Prisma.Sql {
  const where = planConditionsSql(filters, broad);
  if (sort === "relevance" && filters.text) {
    // "+ 0" hides the column from the index's ordering, so the planner gathers the matches from GIN instead.
    const newest = broad ? Prisma.sql`p.listed_on` : Prisma.sql`p.listed_on + 0`;
    const window = windowStart ? Prisma.sql`AND p.listed_on >= ${windowStart}::date` : Prisma.empty;
    return Prisma.sql`
      SELECT s.id, s.score, s.candidates FROM (
        SELECT c.id, ${relevanceScoreSql(rankQuerySql(filters))} AS score, count(*) OVER ()::int AS candidates
        FROM (
          SELECT p.id FROM paper p WHERE ${where} ${window}
          ORDER BY ${newest} DESC, p.id DESC
          LIMIT ${RELEVANCE_CANDIDATES}
        ) c
        JOIN paper p ON p.id = c.id
      ) s
      WHERE ${cursor ? Prisma.sql`(s.score, s.id) < (${cursor.key}::float8, ${cursor.id}::int)` : Prisma.sql`TRUE`}
      ORDER BY s.score DESC, s.id DESC
      LIMIT ${limit + 1}`;
  }
  const [key, after] =
    sort === "upvotes"
      ? [Prisma.sql`p.votes`, cursor && Prisma.sql`(p.votes, p.id) < (${Math.trunc(cursor.key)}::int, ${cursor.id}::int)`]
      : [
          Prisma.sql`p.listed_on`,
          cursor && Prisma.sql`(p.listed_on, p.id) < (DATE '1970-01-01' + ${Math.trunc(cursor.key)}::int, ${cursor.id}::int)`,
        ];
  return Prisma.sql`
    SELECT p.id, NULL::float8 AS score, NULL::int AS candidates FROM paper p
    WHERE ${where} AND ${after ?? Prisma.sql`TRUE`}
    ORDER BY ${key} DESC, p.id DESC
    LIMIT ${limit + 1}`;
}

/** A page row's title and snippet with the query's words marked (see highlight.ts). */
export function highlightsSql(query: Prisma.Sql | null): Prisma.Sql {
  const marks = MARK_START + MARK_STOP;
  return query
    ? Prisma.sql`
        ts_headline('paper_search'::regconfig, translate(p.title, ${marks}, ''), ${query}, ${TITLE_HIGHLIGHT}) AS "titleMarked",
        ts_headline('paper_search'::regconfig, translate(p.abstract, ${marks}, ''), ${query}, ${SNIPPET_HIGHLIGHT}) AS "snippetMarked"`
    : Prisma.sql`p.title AS "titleMarked", left(p.abstract, ${SNIPPET_CHARS}) AS "snippetMarked"`;
}

/**
 * One page of results with their highlights. Highlighting reads the whole abstract, so it runs on
 * the page's rows only, after the page is chosen.
 */
export function searchPageSql(options: SearchPageOptions): Prisma.Sql {
  const { filters, sort } = options;
  const query = filters.text ? rankQuerySql(filters) : null;
  const rank = sort === "relevance" && query ? Prisma.sql`page.score` : query ? relevanceScoreSql(query) : Prisma.sql`NULL::float8`;
  const orderBy =
    sort === "relevance" && query
      ? Prisma.sql`page.score DESC, p.id DESC`
      : sort === "upvotes"
        ? Prisma.sql`p.votes DESC, p.id DESC`
        : Prisma.sql`p.listed_on DESC, p.id DESC`;
  return Prisma.sql`
    WITH page AS (${pageIdsSql(options)})
    SELECT ${paperCardColumns}, ${rank} AS rank, page.candidates, ${highlightsSql(query)}
    FROM page JOIN paper p ON p.id = page.id
    ORDER BY ${orderBy}`;
}

/** How many papers match, counting no further than COUNT_CAP + 1. */
export function searchCountSql(filters: SearchFilters, broad = false): Prisma.Sql {
  return Prisma.sql`
    SELECT count(*)::int AS count
    FROM (SELECT 1 FROM paper p WHERE ${planConditionsSql(filters, broad)} LIMIT ${COUNT_CAP + 1}) capped`;
}

/** The planner's estimate of the matches: free, and close enough for "about N results". */
export function searchEstimateSql(filters: SearchFilters): Prisma.Sql {
  return Prisma.sql`EXPLAIN (FORMAT JSON) SELECT 1 FROM paper p WHERE ${searchConditionsSql(filters)}`;
}

/** The planner's estimate of the papers holding one term, in any of its forms (see weighTerms). */
export function termEstimateSql(term: QueryTerm): Prisma.Sql {
  return Prisma.sql`EXPLAIN (FORMAT JSON) SELECT 1 FROM paper p WHERE p.search_vector @@ ${termQuerySql(term)}`;
}
