import "server-only";

import { db } from "@/lib/db";

export type TagCount = { name: string; count: number };
export type LibrarySummary = { total: number; tags: TagCount[] };

/** How many papers the library holds, and each tag with how many papers carry it, in one query. */
export async function getLibrarySummary(readerId: number): Promise<LibrarySummary> {
  const [summary] = await db.$queryRaw<LibrarySummary[]>`
    SELECT (SELECT count(*)::int FROM library_item WHERE reader_id = ${readerId}) AS total,
      coalesce((
        SELECT json_agg(json_build_object('name', t.name, 'count', (
                 SELECT count(*)::int FROM library_item_tag it WHERE it.reader_id = ${readerId} AND it.tag_id = t.id))
               ORDER BY lower(t.name))
        FROM library_tag t WHERE t.reader_id = ${readerId}), '[]') AS tags`;
  return summary!;
}
