import "server-only";

import { db } from "@/lib/db";
import { retrainAfterWrite } from "@/lib/recommend/stored-reader-model";

export type Rating = "more" | "less";

/**
 * "More like this" or "Not for me" for one paper, or null to take it back: one state per reader
 * and paper, the reader's model retrained when it changed. Returns false for an unknown paper.
 */
export async function ratePaper(readerId: number, arxivId: string, rating: Rating | null): Promise<boolean> {
  const paper = await db.paper.findUnique({ where: { arxivId }, select: { id: true } });
  if (!paper) return false;
  const changed =
    rating === null
      ? (await db.paperRating.deleteMany({ where: { readerId, paperId: paper.id } })).count
      : await db.$executeRaw`
          INSERT INTO paper_rating (reader_id, paper_id, rating) VALUES (${readerId}, ${paper.id}, ${rating}::paper_rating_value)
          ON CONFLICT (reader_id, paper_id) DO UPDATE SET rating = excluded.rating, rated_at = now()
          WHERE paper_rating.rating <> excluded.rating`;
  if (changed > 0) await retrainAfterWrite(readerId);
  return true;
}
