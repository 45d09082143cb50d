import "server-only";

import { primaryRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Rating } from "@/lib/library/rate-paper";
import { TASTE_SIGNALS } from "@/lib/library/reader-taste";

/** A paper the reader's model learns from, with how the reader marked it. */
export type TastePaper = { id: number; arxivId: string; title: string; saved: boolean; rating: Rating | null };

export type TastePapers = { liked: TastePaper[]; disliked: TastePaper[] };

/** A taste paper as TASTE_PAPERS_JSON lists it. */
export type TastePaperRow = TastePaper & { disliked: boolean };

/**
 * What the reader `r`'s recommendations learn from (TASTE_SIGNALS), with the titles and marks the
 * explanations and the taste editor show, as one JSON array most recent first: a column of a
 * statement over `reader r`, however long the library.
 */
export const TASTE_PAPERS_JSON = Prisma.sql`(
  SELECT coalesce(json_agg(json_build_object('id', p.id, 'arxivId', p.arxiv_id, 'title', p.title,
    'saved', t.saved, 'rating', t.rating, 'disliked', t.disliked) ORDER BY t.at DESC, t.paper_id DESC), '[]')
  FROM (${TASTE_SIGNALS}) t JOIN paper p ON p.id = t.paper_id)`;

/** TASTE_PAPERS_JSON's papers, liked and disliked apart. */
export function tastePapers(rows: TastePaperRow[]): TastePapers {
  const papers = (disliked: boolean): TastePaper[] =>
    rows.flatMap((row) =>
      row.disliked === disliked ? [{ id: row.id, arxivId: row.arxivId, title: row.title, saved: row.saved, rating: row.rating }] : [],
    );
  return { liked: papers(false), disliked: papers(true) };
}

/** The reader's taste papers (TASTE_PAPERS_JSON), for the taste editor; none for no such reader. */
export async function loadTastePapers(readerId: number): Promise<TastePapers> {
  const [row] = await primaryRows<{ papers: TastePaperRow[] }>(Prisma.sql`
    SELECT ${TASTE_PAPERS_JSON} AS papers FROM reader r WHERE r.id = ${readerId}`);
  return tastePapers(row?.papers ?? []);
}
