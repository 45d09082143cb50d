import "server-only";

import { primaryRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { getCurrentReader } from "@/lib/readers/current-reader";

import type { Rating } from "./rate-paper";

/** What a paper's controls show: whether the reader saved it and how they rated it. */
export type PaperMark = { signedIn: boolean; saved: boolean; rating: Rating | null };

export type PaperMarks = { of(paperId: number): PaperMark };

const ANONYMOUS: PaperMarks = { of: () => ({ signedIn: false, saved: false, rating: null }) };

/** The current reader's marks on a page of papers, in one query (none when nobody is signed in). */
export async function loadPaperMarks(paperIds: number[]): Promise<PaperMarks> {
  const reader = await getCurrentReader();
  return reader ? loadReaderMarks(reader.readerId, paperIds) : ANONYMOUS;
}

/** A reader's marks on a page of papers, in one statement, raw: every signed-in view of a list reads them (see primaryRows). */
export async function loadReaderMarks(readerId: number, paperIds: number[]): Promise<PaperMarks> {
  const rows = paperIds.length
    ? await primaryRows<{ paperId: number; saved: boolean; rating: Rating | null }>(Prisma.sql`
        SELECT ids.id AS "paperId",
               EXISTS (SELECT 1 FROM library_item li WHERE li.reader_id = ${readerId} AND li.paper_id = ids.id) AS saved,
               (SELECT pr.rating::text FROM paper_rating pr WHERE pr.reader_id = ${readerId} AND pr.paper_id = ids.id) AS rating
        FROM unnest(${paperIds}::int[]) AS ids(id)`)
    : [];
  const byId = new Map(rows.map((row) => [row.paperId, row]));
  return { of: (paperId) => ({ signedIn: true, saved: byId.get(paperId)?.saved ?? false, rating: byId.get(paperId)?.rating ?? null }) };
}
