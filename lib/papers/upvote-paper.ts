import "server-only";

import { db } from "@/lib/db";

export type VoteState = { upvoted: boolean; upvotes: number };

/**
 * Casts or withdraws one browser's vote. The (paper, voter) key makes a replayed request a
 * no-op, and the count moves in the same statement as the vote row, so the two never disagree.
 * Returns null for an unknown paper. A signed-in reader's vote carries their id.
 */
export async function setUpvote(arxivId: string, voterHash: string, upvoted: boolean, readerId: number | null = null): Promise<VoteState | null> {
  const rows = upvoted
    ? await db.$queryRaw<{ votes: number }[]>`
        WITH target AS (SELECT id FROM paper WHERE arxiv_id = ${arxivId}),
        cast_vote AS (
          INSERT INTO upvote (paper_id, voter_hash, reader_id) SELECT id, ${voterHash}, ${readerId} FROM target
          ON CONFLICT DO NOTHING RETURNING paper_id
        ),
        counted AS (
          UPDATE paper SET upvote_count = upvote_count + 1 WHERE id IN (SELECT paper_id FROM cast_vote)
          RETURNING votes
        )
        SELECT coalesce((SELECT votes FROM counted), (SELECT votes FROM paper WHERE id = target.id)) AS votes
        FROM target`
    : await db.$queryRaw<{ votes: number }[]>`
        WITH target AS (SELECT id FROM paper WHERE arxiv_id = ${arxivId}),
        withdrawn AS (
          DELETE FROM upvote WHERE paper_id IN (SELECT id FROM target) AND voter_hash = ${voterHash}
          RETURNING paper_id
        ),
        counted AS (
          UPDATE paper SET upvote_count = upvote_count - 1 WHERE id IN (SELECT paper_id FROM withdrawn)
          RETURNING votes
        )
        SELECT coalesce((SELECT votes FROM counted), (SELECT votes FROM paper WHERE id = target.id)) AS votes
        FROM target`;
  const [row] = rows;
  return row ? { upvoted, upvotes: row.votes } : null;
}

export async function hasUpvoted(paperId: number, voterHash: string | null): Promise<boolean> {
  if (!voterHash) return false;
  const vote = await db.upvote.findUnique({
    where: { paperId_voterHash: { paperId, voterHash } },
    select: { paperId: true },
  });
  return vote !== null;
}
