import "server-only";

import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/http/app-error";

export type VoteState = { upvoted: boolean; upvotes: number };

/**
 * Who votes: the browser's voter hash, and the network the vote counts for (voterNetworkKey of
 * its address; a signed-in reader's own key once there are accounts).
 */
export type Voter = { hash: string; networkKey: string };

/** New voters one network may add to one paper in a day: a lab, not a farm. */
export const NEW_VOTERS_PER_NETWORK_PER_DAY = 3;

/**
 * Casts or withdraws one browser's vote. The (paper, voter) key makes a replayed request a no-op,
 * and every count moves in the transaction that writes the vote. The paper's row lock orders the
 * votes on one paper, so the per-network counts each vote reads include the ones just before it.
 * A signed-in reader's vote carries their id. Returns null for an unknown paper; refuses (429) a new voter from a network that has added its
 * day's share of voters to this paper.
 */
export async function setUpvote(
  arxivId: string,
  voter: Voter,
  upvoted: boolean,
  readerId: number | null = null,
): Promise<VoteState | null> {
  return db.$transaction(async (tx) => {
    const [paper] = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM paper WHERE arxiv_id = ${arxivId} FOR UPDATE`;
    if (!paper) return null;
    if (upvoted) {
      const [already] = await tx.$queryRaw<{ one: number }[]>`
        SELECT 1 AS one FROM upvote WHERE paper_id = ${paper.id} AND voter_hash = ${voter.hash}`;
      if (!already) {
        const [network] = await tx.$queryRaw<{ today: number; ever: number }[]>`
          SELECT count(*) FILTER (WHERE created_at > now() - interval '1 day')::int AS today, count(*)::int AS ever
          FROM upvote WHERE paper_id = ${paper.id} AND network_key = ${voter.networkKey}`;
        if (network!.today >= NEW_VOTERS_PER_NETWORK_PER_DAY) {
          throw new AppError(
            "rate_limited",
            "Several people on your network have upvoted this paper today already; yours cannot be added before tomorrow.",
            {
              retryAfterSeconds: 86_400,
            },
          );
        }
        await tx.$executeRaw`INSERT INTO upvote (paper_id, voter_hash, network_key, reader_id) VALUES (${paper.id}, ${voter.hash}, ${voter.networkKey}, ${readerId})`;
        await tx.$executeRaw`
          UPDATE paper SET upvote_count = upvote_count + 1, upvote_networks = upvote_networks + ${network!.ever === 0 ? 1 : 0}::int
          WHERE id = ${paper.id}`;
      }
    } else {
      const [withdrawn] = await tx.$queryRaw<{ network_key: string }[]>`
        DELETE FROM upvote WHERE paper_id = ${paper.id} AND voter_hash = ${voter.hash} RETURNING network_key`;
      if (withdrawn) {
        await tx.$executeRaw`
          UPDATE paper SET upvote_count = upvote_count - 1,
            upvote_networks = upvote_networks - (NOT EXISTS (SELECT 1 FROM upvote WHERE paper_id = ${paper.id} AND network_key = ${withdrawn.network_key}))::int
          WHERE id = ${paper.id}`;
      }
    }
    const [row] = await tx.$queryRaw<{ votes: number }[]>`SELECT votes FROM paper WHERE id = ${paper.id}`;
    return { upvoted, upvotes: row!.votes };
  });
}

export async function hasUpvoted(paperId: number, voterHash: string | null): Promise<boolean> {
  if (!voterHash) return false;
  const vote = await db.upvote.findUnique({
    where: { paperId_voterHash: { paperId, voterHash } },
    select: { paperId: true },
  });
  return vote !== null;
}

/** Sets papers' count of voting networks from their votes, after votes moved or went in bulk. */
export async function recountVoteNetworks(client: Prisma.TransactionClient | typeof db, paperIds: number[]): Promise<void> {
  if (paperIds.length === 0) return;
  await client.$executeRaw`
    UPDATE paper p SET upvote_networks = (SELECT count(DISTINCT u.network_key)::int FROM upvote u WHERE u.paper_id = p.id)
    WHERE p.id = ANY(${paperIds})`;
}
