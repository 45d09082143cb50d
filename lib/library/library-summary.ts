import "server-only";

import { db } from "@/lib/db";

export type TagCount = { name: string; count: number };
export type LibrarySummary = { total: number; tags: TagCount[] };

/** How many papers the library holds, and each tag with how many papers carry it. */
export async function getLibrarySummary(readerId: number): Promise<LibrarySummary> {
  const [[total], tags] = await Promise.all([
    db.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM library_item WHERE reader_id = ${readerId}`,
    db.$queryRaw<TagCount[]>`
      SELECT t.name, (SELECT count(*)::int FROM library_item_tag it WHERE it.reader_id = ${readerId} AND it.tag_id = t.id) AS count
      FROM library_tag t WHERE t.reader_id = ${readerId}
      ORDER BY lower(t.name)`,
  ]);
  return { total: total?.count ?? 0, tags };
}
