import "server-only";

import { createHash } from "node:crypto";

import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recountVoteNetworks } from "@/lib/papers/upvote-paper";

type Client = Prisma.TransactionClient | typeof db;

/**
 * The voter hash of a signed-in reader's upvotes: one per reader whatever the browser, and never
 * equal to a browser's (those hash 128 random bits).
 */
export function readerVoterHash(readerId: number): string {
  return createHash("sha256").update(`reader:${readerId}`).digest("base64url");
}

/**
 * At sign-in, the browser's anonymous votes become the reader's. A paper the reader had already
 * voted for elsewhere keeps one vote: the browser's duplicate is withdrawn and the count drops.
 */
export async function adoptBrowserVotes(client: Client, readerId: number, browserHash: string | null): Promise<void> {
  if (!browserHash) return;
  const readerHash = readerVoterHash(readerId);
  const duplicates = await client.$queryRaw<{ paper_id: number }[]>`
    WITH duplicate AS (
      DELETE FROM upvote b
      WHERE b.voter_hash = ${browserHash}
        AND EXISTS (SELECT 1 FROM upvote r WHERE r.paper_id = b.paper_id AND r.voter_hash = ${readerHash})
      RETURNING b.paper_id
    )
    UPDATE paper SET upvote_count = upvote_count - 1 WHERE id IN (SELECT paper_id FROM duplicate) RETURNING id AS paper_id`;
  // The reader counts as a network of their own (see the upvote action), so the moved votes do too.
  const adopted = await client.$queryRaw<{ paper_id: number }[]>`
    UPDATE upvote SET voter_hash = ${readerHash}, reader_id = ${readerId}, network_key = ${`reader:${readerId}`}
    WHERE voter_hash = ${browserHash} RETURNING paper_id`;
  await recountVoteNetworks(
    client,
    [...duplicates, ...adopted].map((row) => row.paper_id),
  );
}
