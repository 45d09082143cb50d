import "server-only";

import { readRows } from "@/lib/db-read";
import { Prisma } from "@/lib/generated/prisma/client";
import { paperCardColumns, type PaperCard } from "@/lib/papers/paper-card";

export type SimilarPaper = PaperCard & { similarity: number; sharedTerms: string[] };

/**
 * A paper's stored similar papers, most similar first, with the terms they share: a read by key,
 * raw as every paper page's first view renders it (see readRows).
 */
export async function getSimilarPapers(paperId: number, limit = 5): Promise<SimilarPaper[]> {
  return readRows<SimilarPaper>(Prisma.sql`
    SELECT ${paperCardColumns}, s.score::float8 AS similarity, s.shared_terms AS "sharedTerms"
    FROM similar_paper s JOIN paper p ON p.id = s.similar_id
    WHERE s.paper_id = ${paperId}
    ORDER BY s.score DESC, s.similar_id DESC
    LIMIT ${limit}`);
}
