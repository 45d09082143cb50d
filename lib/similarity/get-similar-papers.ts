import "server-only";

import { readDb } from "@/lib/db-read";
import { paperCardColumns, type PaperCard } from "@/lib/papers/paper-card";

export type SimilarPaper = PaperCard & { similarity: number; sharedTerms: string[] };

/** A paper's stored similar papers, most similar first, with the terms they share: a read by key. */
export async function getSimilarPapers(paperId: number, limit = 5): Promise<SimilarPaper[]> {
  return readDb.$queryRaw<SimilarPaper[]>`
    SELECT ${paperCardColumns}, s.score::float8 AS similarity, s.shared_terms AS "sharedTerms"
    FROM similar_paper s JOIN paper p ON p.id = s.similar_id
    WHERE s.paper_id = ${paperId}
    ORDER BY s.score DESC, s.similar_id DESC
    LIMIT ${limit}`;
}
