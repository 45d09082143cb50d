import "server-only";

import { db } from "@/lib/db";
import type { Rating } from "@/lib/library/rate-paper";
import { getReaderTaste } from "@/lib/library/reader-taste";

/** A paper the reader's model learns from, with how the reader marked it. */
export type TastePaper = { id: number; arxivId: string; title: string; saved: boolean; rating: Rating | null };

export type TastePapers = { liked: TastePaper[]; disliked: TastePaper[] };

/**
 * What the reader's recommendations learn from (the liked and disliked papers of getReaderTaste,
 * most recent first), with the titles and marks the explanations and the taste editor show: two
 * queries however long the library; with the taste version they were read at (0 for no such reader).
 */
export async function loadTastePapers(readerId: number): Promise<TastePapers & { version: number }> {
  const taste = await getReaderTaste(readerId);
  const ids = [...taste.liked, ...taste.disliked];
  const rows = ids.length
    ? await db.$queryRaw<TastePaper[]>`
        SELECT p.id, p.arxiv_id AS "arxivId", p.title,
               EXISTS (SELECT 1 FROM library_item li WHERE li.reader_id = ${readerId} AND li.paper_id = p.id) AS saved,
               (SELECT pr.rating::text FROM paper_rating pr WHERE pr.reader_id = ${readerId} AND pr.paper_id = p.id) AS rating
        FROM paper p WHERE p.id = ANY(${ids}::int[])`
    : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  const inOrder = (list: number[]) => list.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  return { liked: inOrder(taste.liked), disliked: inOrder(taste.disliked), version: taste.version ?? 0 };
}
