import "server-only";

import { primaryRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Rating } from "@/lib/library/rate-paper";
import { TASTE_SIGNALS } from "@/lib/library/reader-taste";

/** A paper the reader's model learns from, with how the reader marked it. */
export type TastePaper = { id: number; arxivId: string; title: string; saved: boolean; rating: Rating | null };

export type TastePapers = { liked: TastePaper[]; disliked: TastePaper[] };

/**
 * What the reader's recommendations learn from (the liked and disliked papers of getReaderTaste,
 * most recent first), with the titles and marks the explanations and the taste editor show, in one
 * statement however long the library (every view of For you reads it); with the taste version
 * they were read at (0 for no such reader).
 */
export async function loadTastePapers(readerId: number): Promise<TastePapers & { version: number }> {
  type Row = { version: number; disliked: boolean } & ({ [K in keyof TastePaper]: null } | TastePaper);
  const rows = await primaryRows<Row>(Prisma.sql`
    SELECT r.taste_version AS version, p.id, p.arxiv_id AS "arxivId", p.title, t.saved, t.rating, t.disliked
    FROM reader r LEFT JOIN LATERAL (${TASTE_SIGNALS}) t ON true LEFT JOIN paper p ON p.id = t.paper_id
    WHERE r.id = ${readerId}
    ORDER BY t.at DESC, t.paper_id DESC`);
  const papers = (disliked: boolean): TastePaper[] =>
    rows.flatMap((row) =>
      row.id !== null && row.disliked === disliked
        ? [{ id: row.id, arxivId: row.arxivId, title: row.title, saved: row.saved, rating: row.rating }]
        : [],
    );
  return { liked: papers(false), disliked: papers(true), version: rows[0]?.version ?? 0 };
}
