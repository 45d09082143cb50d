import "server-only";

import { db } from "@/lib/db";
import { SUBSCRIPTION_SELECT } from "@/lib/subscribers/get-subscription";

/** "Export all my data": everything PaperPulse keeps about a reader, secrets left out. */
export async function exportReaderData(readerId: number) {
  const reader = await db.reader.findUniqueOrThrow({
    where: { id: readerId },
    select: {
      email: true,
      createdAt: true,
      lastSignInAt: true,
      sessions: { select: { createdAt: true, lastSeenAt: true, expiresAt: true }, orderBy: { createdAt: "asc" } },
      apiTokens: { select: { name: true, createdAt: true, lastUsedAt: true }, orderBy: { createdAt: "asc" } },
      pendingImports: { select: { arxivId: true, attempts: true, lastError: true, createdAt: true }, orderBy: { createdAt: "asc" } },
    },
  });
  const [library, ratings, upvotes, subscriber] = await Promise.all([
    db.$queryRaw<{ arxivId: string; title: string; savedAt: Date; tags: string[] }[]>`
      SELECT p.arxiv_id AS "arxivId", p.title, li.saved_at AS "savedAt",
             coalesce(array_agg(t.name ORDER BY lower(t.name)) FILTER (WHERE t.id IS NOT NULL), '{}') AS tags
      FROM library_item li JOIN paper p ON p.id = li.paper_id
      LEFT JOIN library_item_tag it ON it.reader_id = li.reader_id AND it.paper_id = li.paper_id
      LEFT JOIN library_tag t ON t.id = it.tag_id
      WHERE li.reader_id = ${readerId}
      GROUP BY p.id, li.saved_at ORDER BY li.saved_at DESC, p.id DESC`,
    db.$queryRaw<{ arxivId: string; rating: string; ratedAt: Date }[]>`
      SELECT p.arxiv_id AS "arxivId", r.rating::text AS rating, r.rated_at AS "ratedAt"
      FROM paper_rating r JOIN paper p ON p.id = r.paper_id WHERE r.reader_id = ${readerId} ORDER BY r.rated_at DESC`,
    db.$queryRaw<{ arxivId: string; createdAt: Date }[]>`
      SELECT p.arxiv_id AS "arxivId", u.created_at AS "createdAt"
      FROM upvote u JOIN paper p ON p.id = u.paper_id WHERE u.reader_id = ${readerId} ORDER BY u.created_at DESC`,
    db.subscriber.findUnique({
      where: { email: reader.email },
      select: { ...SUBSCRIPTION_SELECT, confirmedAt: true, createdAt: true },
    }),
  ]);
  const { sessions, apiTokens, pendingImports, ...account } = reader;
  return {
    exportedAt: new Date(),
    account,
    sessions,
    apiTokens,
    library,
    ratings,
    upvotes,
    pendingImports,
    digestSubscription: subscriber,
  };
}
