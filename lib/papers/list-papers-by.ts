import "server-only";

import { readDb } from "@/lib/db-read";
import { Prisma } from "@/lib/generated/prisma/client";

import { encodeCursor, type FeedCursor } from "./feed-cursor";
import type { TrendingPage } from "./get-trending-papers";
import { paperCardColumns, type PaperCard } from "./paper-card";

/** Whose papers: one author's, by the exact name the papers list, or one arXiv category's. */
export type PaperFilter = { author: string } | { category: string };
export const PAPER_ORDERS = ["trending", "newest", "upvotes"] as const;
export type PaperOrder = (typeof PAPER_ORDERS)[number];

type Row = PaperCard & { sortKey: number };

// The sort key of each order as one number, so a cursor is (key, id) as in the feed. "newest"
// counts listing days since 1970.
const SORT_KEY: Record<PaperOrder, Prisma.Sql> = {
  trending: Prisma.sql`p.trending_score`,
  newest: Prisma.sql`(p.listed_on - DATE '1970-01-01')`,
  upvotes: Prisma.sql`p.votes`,
};

// Below this many papers a filter's own entries are few enough to read and sort; above it,
// walking the order's index and skipping other papers finds a page sooner.
const SPARSE_PAPERS = 10_000;

/**
 * A page of an author's or a category's papers. An author's papers, and a small category's,
 * come from the GIN index (paper_authors_idx, paper_categories_idx) and are sorted; "+ 0" keeps
 * the planner from walking a whole order index instead, which for a category with no papers read
 * every paper (720 ms at 200k papers). A large category walks paper_trending_idx and stops after
 * a page. The planner's estimate of the category's size (a planning-only EXPLAIN, from the
 * column's element statistics) decides which.
 */
export async function listPapersBy(
  filter: PaperFilter,
  order: PaperOrder,
  cursor: FeedCursor | undefined,
  limit: number,
): Promise<TrendingPage> {
  const key = SORT_KEY[order];
  const matches =
    "author" in filter
      ? Prisma.sql`p.authors @> ARRAY[${filter.author}]::text[]`
      : Prisma.sql`p.categories @> ARRAY[${filter.category}]::text[]`;
  const sparse = "author" in filter || (await estimateRows(matches)) < SPARSE_PAPERS;
  const conditions = [matches];
  if (cursor) conditions.push(Prisma.sql`(${key}, p.id) < (${cursor.key}::float8, ${cursor.id}::int)`);
  const rows = await readDb.$queryRaw<Row[]>`
    SELECT ${paperCardColumns}, ${key}::float8 AS "sortKey"
    FROM paper p
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY ${sparse ? Prisma.sql`${key} + 0` : key} DESC, p.id DESC
    LIMIT ${limit + 1}`;
  const papers = rows.slice(0, limit).map(({ sortKey, ...paper }) => paper);
  const last = rows[limit - 1];
  return { papers, nextCursor: rows.length > limit && last ? encodeCursor({ key: last.sortKey, id: last.id }) : null };
}

async function estimateRows(condition: Prisma.Sql): Promise<number> {
  const [row] = await readDb.$queryRaw<{ "QUERY PLAN": unknown }[]>`EXPLAIN (FORMAT JSON) SELECT 1 FROM paper p WHERE ${condition}`;
  const raw = row?.["QUERY PLAN"];
  const plan = (typeof raw === "string" ? JSON.parse(raw) : raw) as [{ Plan?: { "Plan Rows"?: number } }] | undefined;
  return plan?.[0]?.Plan?.["Plan Rows"] ?? 0;
}

/** How many papers name this author. */
export async function countAuthorPapers(author: string): Promise<number> {
  const [row] = await readDb.$queryRaw<
    { count: number }[]
  >`SELECT count(*)::int AS count FROM paper WHERE authors @> ARRAY[${author}]::text[]`;
  return row?.count ?? 0;
}
