import "server-only";

import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/http/app-error";
import { paperCardColumns, type PaperCard } from "@/lib/papers/paper-card";

import { decodeLibraryCursor, encodeLibraryCursor } from "./library-cursor";
import type { LibraryQuery, LibrarySort } from "./library-query";
import type { Rating } from "./rate-paper";

/** A saved paper with the reader's tags on it (by name) and their rating of it. */
export type LibraryItem = { paper: PaperCard; savedAt: string; tags: string[]; rating: Rating | null };
export type LibraryPage = { items: LibraryItem[]; nextCursor: string | null };

// Each sort as a keyset: the value compared, its direction, and how the cursor spells it.
const SORT_KEY: Record<LibrarySort, { value: Prisma.Sql; descending: boolean }> = {
  saved: { value: Prisma.sql`li.saved_at`, descending: true },
  published: { value: Prisma.sql`li.listed_on`, descending: true },
  title: { value: Prisma.sql`li.title_key`, descending: false },
};
const CURSOR_TEXT: Record<LibrarySort, Prisma.Sql> = {
  saved: Prisma.sql`to_char(li.saved_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`,
  published: Prisma.sql`to_char(li.listed_on, 'YYYY-MM-DD')`,
  title: Prisma.sql`li.title_key`,
};
const CURSOR_CAST: Record<LibrarySort, (value: string) => Prisma.Sql> = {
  saved: (value) => Prisma.sql`(${value}::timestamp AT TIME ZONE 'UTC')`,
  published: (value) => Prisma.sql`${value}::date`,
  title: (value) => Prisma.sql`${value}::text`,
};

/**
 * One page of a reader's library, newest saved first or by date published or title, optionally
 * within one tag and matching a search. Pages follow a keyset, so page 400 costs what page 1 does.
 * One query, tags and ratings included: each query costs the page more than its rows do.
 */
export async function listLibrary(readerId: number, query: LibraryQuery): Promise<LibraryPage> {
  const cursor = query.cursor === undefined ? null : decodeLibraryCursor(query.cursor);
  if (query.cursor !== undefined && !cursor)
    throw new AppError("bad_request", "This page link is broken; start again from the first page.", {
      fields: { cursor: ["not a cursor we issued"] },
    });
  const sort = SORT_KEY[query.sort];
  const direction = sort.descending ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const after = cursor
    ? sort.descending
      ? Prisma.sql`AND (${sort.value}, li.paper_id) < (${CURSOR_CAST[query.sort](cursor.value)}, ${cursor.paperId})`
      : Prisma.sql`AND (${sort.value}, li.paper_id) > (${CURSOR_CAST[query.sort](cursor.value)}, ${cursor.paperId})`
    : Prisma.empty;
  const inTag = query.tag
    ? Prisma.sql`AND EXISTS (
        SELECT 1 FROM library_item_tag it JOIN library_tag t ON t.id = it.tag_id
        WHERE it.reader_id = ${readerId} AND it.paper_id = li.paper_id AND t.reader_id = ${readerId} AND lower(t.name) = lower(${query.tag}))`
    : Prisma.empty;
  const matching = query.q
    ? Prisma.sql`AND (p.search_vector @@ websearch_to_tsquery('paper_search'::regconfig, ${query.q})
                      OR p.arxiv_id = ${query.q} OR paper_fold(p.title) LIKE '%' || paper_fold(${query.q.replace(/[\\%_]/g, "\\$&")}) || '%')`
    : Prisma.empty;

  const rows = await db.$queryRaw<(PaperCard & Pick<LibraryItem, "tags" | "rating"> & { savedAt: Date; cursorValue: string })[]>`
    SELECT ${paperCardColumns}, li.saved_at AS "savedAt", ${CURSOR_TEXT[query.sort]} AS "cursorValue",
      ARRAY(SELECT t.name FROM library_item_tag it JOIN library_tag t ON t.id = it.tag_id
            WHERE it.reader_id = li.reader_id AND it.paper_id = li.paper_id ORDER BY lower(t.name)) AS tags,
      (SELECT pr.rating::text FROM paper_rating pr WHERE pr.reader_id = li.reader_id AND pr.paper_id = li.paper_id) AS rating
    FROM library_item li JOIN paper p ON p.id = li.paper_id
    WHERE li.reader_id = ${readerId} ${inTag} ${matching} ${after}
    ORDER BY ${sort.value} ${direction}, li.paper_id ${direction}
    LIMIT ${query.limit + 1}`;

  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ savedAt, cursorValue: _cursor, tags, rating, ...paper }) => ({
      paper,
      savedAt: savedAt.toISOString(),
      tags,
      rating,
    })),
    nextCursor: rows.length > query.limit && last ? encodeLibraryCursor({ value: last.cursorValue, paperId: last.id }) : null,
  };
}
