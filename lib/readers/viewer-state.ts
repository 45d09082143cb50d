import "server-only";

import { db } from "@/lib/db";
import type { Rating } from "@/lib/library/rate-paper";

/** A page's paper as this visitor sees it: their save, rating and upvote, and the current count. */
export type ViewerPaper = { saved: boolean; rating: Rating | null; upvoted: boolean; upvotes: number };

/**
 * What a shared page lacks for one visitor (lib/page-cache): whether they are signed in, and their
 * marks on the page's papers. A paper that does not exist is left out.
 */
export type ViewerState = { signedIn: boolean; papers: Record<string, ViewerPaper> };

/** The visitor's state on a page's papers, in one query (reader is null for a visitor without an account). */
export async function loadViewerState(readerId: number | null, voterHash: string | null, arxivIds: string[]): Promise<ViewerState> {
  const rows = arxivIds.length
    ? await db.$queryRaw<({ arxivId: string } & ViewerPaper)[]>`
        SELECT p.arxiv_id AS "arxivId", p.votes AS upvotes,
               EXISTS (SELECT 1 FROM library_item li WHERE li.reader_id = ${readerId} AND li.paper_id = p.id) AS saved,
               (SELECT pr.rating::text FROM paper_rating pr WHERE pr.reader_id = ${readerId} AND pr.paper_id = p.id) AS rating,
               EXISTS (SELECT 1 FROM upvote u WHERE u.paper_id = p.id AND u.voter_hash = ${voterHash}) AS upvoted
        FROM paper p WHERE p.arxiv_id = ANY(${arxivIds}::text[])`
    : [];
  return { signedIn: readerId !== null, papers: Object.fromEntries(rows.map(({ arxivId, ...paper }) => [arxivId, paper])) };
}
