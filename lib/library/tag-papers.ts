import "server-only";

import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/http/app-error";

type Client = Prisma.TransactionClient;

/** A reader's tags: enough for any scheme of topics and reading lists, not a place to store text. */
const MAX_TAGS_PER_READER = 500;
const MAX_TAGS_PER_CHANGE = 20;

/** The ids of tags by name, creating those that do not exist yet (names match ignoring case). */
async function ensureTags(tx: Client, readerId: number, names: string[]): Promise<number[]> {
  if (names.length > MAX_TAGS_PER_CHANGE)
    throw new AppError("bad_request", `At most ${MAX_TAGS_PER_CHANGE} tags at once.`, { fields: { tags: ["too many tags"] } });
  if (names.length === 0) return [];
  await tx.$executeRaw`
    INSERT INTO library_tag (reader_id, name) SELECT ${readerId}, name FROM unnest(${names}::text[]) AS n(name)
    ON CONFLICT (reader_id, lower(name)) DO NOTHING`;
  const [count] = await tx.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM library_tag WHERE reader_id = ${readerId}`;
  if ((count?.count ?? 0) > MAX_TAGS_PER_READER)
    throw new AppError("bad_request", `A library holds at most ${MAX_TAGS_PER_READER} tags.`, { fields: { tags: ["too many tags"] } });
  const rows = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM library_tag WHERE reader_id = ${readerId} AND lower(name) = ANY(SELECT lower(unnest(${names}::text[])))`;
  return rows.map((row) => row.id);
}

/** Tags no paper carries any more go, so the tag list shows only tags in use. */
export async function dropUnusedTags(tx: Client | typeof db, readerId: number): Promise<void> {
  await tx.$executeRaw`
    DELETE FROM library_tag t WHERE t.reader_id = ${readerId}
      AND NOT EXISTS (SELECT 1 FROM library_item_tag it WHERE it.reader_id = ${readerId} AND it.tag_id = t.id)`;
}

/** Replaces the tags of one saved paper; a paper not in the library is left alone (returns false). */
export async function setPaperTags(readerId: number, arxivId: string, names: string[]): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const [item] = await tx.$queryRaw<{ paperId: number }[]>`
      SELECT li.paper_id AS "paperId" FROM library_item li JOIN paper p ON p.id = li.paper_id
      WHERE li.reader_id = ${readerId} AND p.arxiv_id = ${arxivId}`;
    if (!item) return false;
    const tagIds = await ensureTags(tx, readerId, names);
    await tx.$executeRaw`
      DELETE FROM library_item_tag WHERE reader_id = ${readerId} AND paper_id = ${item.paperId} AND NOT (tag_id = ANY(${tagIds}::int[]))`;
    await tx.$executeRaw`
      INSERT INTO library_item_tag (reader_id, tag_id, paper_id) SELECT ${readerId}, tag_id, ${item.paperId} FROM unnest(${tagIds}::int[]) AS t(tag_id)
      ON CONFLICT DO NOTHING`;
    await dropUnusedTags(tx, readerId);
    return true;
  });
}

/** Adds tags to many saved papers at once (the library's bulk "Add tag"); returns papers touched. */
export async function addTags(readerId: number, arxivIds: string[], names: string[]): Promise<number> {
  if (arxivIds.length === 0 || names.length === 0) return 0;
  return db.$transaction(async (tx) => {
    const tagIds = await ensureTags(tx, readerId, names);
    await tx.$executeRaw`
      INSERT INTO library_item_tag (reader_id, tag_id, paper_id)
      SELECT ${readerId}, t.tag_id, li.paper_id
      FROM library_item li JOIN paper p ON p.id = li.paper_id CROSS JOIN unnest(${tagIds}::int[]) AS t(tag_id)
      WHERE li.reader_id = ${readerId} AND p.arxiv_id = ANY(${arxivIds}::text[])
      ON CONFLICT DO NOTHING`;
    const [count] = await tx.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS count FROM library_item li JOIN paper p ON p.id = li.paper_id
      WHERE li.reader_id = ${readerId} AND p.arxiv_id = ANY(${arxivIds}::text[])`;
    await dropUnusedTags(tx, readerId);
    return count?.count ?? 0;
  });
}

/** Takes tags off many saved papers at once; a tag left on no paper is deleted. */
export async function removeTags(readerId: number, arxivIds: string[], names: string[]): Promise<void> {
  if (arxivIds.length === 0 || names.length === 0) return;
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`
      DELETE FROM library_item_tag it USING library_tag t, paper p
      WHERE it.reader_id = ${readerId} AND t.id = it.tag_id AND p.id = it.paper_id
        AND lower(t.name) = ANY(SELECT lower(unnest(${names}::text[]))) AND p.arxiv_id = ANY(${arxivIds}::text[])`;
    await dropUnusedTags(tx, readerId);
  });
}
