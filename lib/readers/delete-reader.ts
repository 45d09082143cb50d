import "server-only";

import { db } from "@/lib/db";
import { recountVoteNetworks } from "@/lib/papers/upvote-paper";

/**
 * "Delete my account": the reader and everything that hangs off it (sessions, tokens, library,
 * tags, ratings, pending imports cascade), their upvotes with the counts they added, the digest
 * subscription of the same address with its history, sign-in links, and mail to it kept in the outbox or the retry queue.
 */
export async function deleteReader(readerId: number): Promise<void> {
  await db.$transaction(async (tx) => {
    const reader = await tx.reader.findUnique({ where: { id: readerId }, select: { email: true } });
    if (!reader) return;
    const withdrawn = await tx.$queryRaw<{ id: number }[]>`
      WITH withdrawn AS (DELETE FROM upvote WHERE reader_id = ${readerId} RETURNING paper_id)
      UPDATE paper p SET upvote_count = p.upvote_count - w.votes
      FROM (SELECT paper_id, count(*)::int AS votes FROM withdrawn GROUP BY paper_id) w
      WHERE p.id = w.paper_id RETURNING p.id`;
    await recountVoteNetworks(
      tx,
      withdrawn.map((paper) => paper.id),
    );
    await tx.reader.deleteMany({ where: { id: readerId } });
    await tx.subscriber.deleteMany({ where: { email: reader.email } });
    await tx.signInToken.deleteMany({ where: { email: reader.email } });
    await tx.outboxMessage.deleteMany({ where: { recipient: reader.email } });
    await tx.$executeRaw`DELETE FROM mail_queue WHERE message->>'to' = ${reader.email}`;
  });
}
