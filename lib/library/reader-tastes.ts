import "server-only";

import { db } from "@/lib/db";

import { TASTE_SIGNALS } from "./reader-taste";

/** What a recommender learns from one reader, as getReaderTaste gives it, with which liked papers were saved. */
export type ReaderTaste = { readerId: number; liked: number[]; disliked: number[]; saved: Set<number> };

type Row = { email: string; readerId: number; paperId: number; disliked: boolean; saved: boolean };

/**
 * The tastes of the readers with these addresses (a reader is the same person as the subscriber
 * with their email), for a whole digest batch in one query: the signals getReaderTaste reads
 * (TASTE_SIGNALS). Addresses without a reader, or whose reader has marked nothing, are absent.
 */
export async function loadReaderTastes(emails: string[]): Promise<Map<string, ReaderTaste>> {
  if (emails.length === 0) return new Map();
  const rows = await db.$queryRaw<Row[]>`
    SELECT r.email, r.id AS "readerId", t.paper_id AS "paperId", t.disliked, t.saved
    FROM reader r CROSS JOIN LATERAL (${TASTE_SIGNALS}) t
    WHERE r.email = ANY(${emails}::text[])`;
  const tastes = new Map<string, ReaderTaste>();
  for (const row of rows) {
    let taste = tastes.get(row.email);
    if (!taste) tastes.set(row.email, (taste = { readerId: row.readerId, liked: [], disliked: [], saved: new Set() }));
    if (row.disliked) taste.disliked.push(row.paperId);
    else taste.liked.push(row.paperId);
    if (row.saved) taste.saved.add(row.paperId);
  }
  return tastes;
}
