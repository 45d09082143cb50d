import "server-only";

import { readDb } from "@/lib/db-read";
import type { Prisma } from "@/lib/generated/prisma/client";
import { encodeCursor } from "@/lib/papers/feed-cursor";
import type { PaperCard } from "@/lib/papers/paper-card";

import { highlightToHtml } from "./highlight";
import { RELEVANCE_CANDIDATES } from "./ranking";
import { estimateMatches, planSearch, runSearch, type RunSql } from "./run-search";
import type { SearchSort } from "./search-query";
import { corpusShapeSql, COUNT_CAP, textQuerySql, type CorpusShape, type SearchPageOptions } from "./search-sql";
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

const runSql: RunSql = <Row,>(sql: Prisma.Sql) => readDb.$queryRaw<Row[]>(sql);

export async function searchPapers(request: SearchPageOptions & { q: string }): Promise<SearchResult> {
  const { sort, limit } = request;
  const plan = await planSearch(runSql, request, corpusShape);
  const { filters } = plan.options;
  const { rows, count } = await runSearch<Row>(runSql, plan);
  const total: SearchTotal =
    count > COUNT_CAP
      ? { count: Math.max(plan.estimatedMatches ?? (await estimateMatches(runSql, filters)), count), exact: false }
      : { count, exact: true };

  const papers = rows.slice(0, limit).map(({ titleMarked, snippetMarked, candidates, ...paper }) => ({
    ...paper,
    highlights: { title: highlightToHtml(titleMarked), abstract: highlightToHtml(snippetMarked) },
  }));
  const last = papers.at(-1);
  const nextCursor = rows.length > limit && last ? encodeCursor({ key: cursorKey(sort, last), id: last.id }) : null;

  const fewResults = filters.text !== "" && total.exact && total.count < FEW_RESULTS && !request.cursor;
  const [didYouMean, onlyStopWords] = fewResults
    ? await Promise.all([suggestCorrection(request.q), total.count === 0 ? hasOnlyStopWords(filters.text) : false])
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

// Re-read every few minutes (counting a month's papers takes a few milliseconds): a window's size
// only needs to be roughly right.
const CORPUS_SHAPE_TTL_MS = 5 * 60_000;
let corpusShapeCache: { value: CorpusShape; readAt: number } | null = null;

async function corpusShape(): Promise<CorpusShape> {
  if (corpusShapeCache && Date.now() - corpusShapeCache.readAt < CORPUS_SHAPE_TTL_MS) return corpusShapeCache.value;
  const [row] = await readDb.$queryRaw<CorpusShape[]>(corpusShapeSql());
  const value = row ?? { papers: 0, firstDay: "1970-01-01", lastDay: "1970-01-01", recentPapers: 0 };
  corpusShapeCache = { value, readAt: Date.now() };
  return value;
}

async function hasOnlyStopWords(text: string): Promise<boolean> {
  const [row] = await readDb.$queryRaw<{ empty: boolean }[]>`SELECT numnode(${textQuerySql(text)}) = 0 AS empty`;
  return row?.empty ?? false;
}
