import "server-only";

import { readDb } from "@/lib/db-read";

/** Postings read per strong term of the model: the papers that term weighs most in, within the window. */
const POSTINGS_PER_TERM = 100;

/**
 * Papers worth scoring for a reader, from the index rather than the corpus: those in which the
 * model's strongest terms weigh most, and the stored similar papers of what they liked, within
 * the listing window (`from`, or all time when null). The reader's own papers are left out.
 */
export async function findCandidates(options: {
  termIds: number[];
  liked: number[];
  exclude: number[];
  from: string | null;
}): Promise<number[]> {
  const { termIds, liked, exclude, from } = options;
  const rows = await readDb.$queryRaw<{ id: number }[]>`
    WITH by_terms AS (
      SELECT c.paper_id AS id
      FROM unnest(${termIds}::int[]) AS strong(term_id)
      CROSS JOIN LATERAL (
        SELECT s.paper_id FROM similarity_posting s
        WHERE s.term_id = strong.term_id AND (${from}::date IS NULL OR s.listed_on >= ${from}::date)
        ORDER BY s.weight DESC LIMIT ${POSTINGS_PER_TERM}
      ) c
    ),
    by_similar AS (
      SELECT s.similar_id AS id FROM similar_paper s JOIN paper p ON p.id = s.similar_id
      WHERE s.paper_id = ANY(${liked}::int[]) AND (${from}::date IS NULL OR p.listed_on >= ${from}::date)
    )
    SELECT DISTINCT id FROM (SELECT id FROM by_terms UNION ALL SELECT id FROM by_similar) candidates
    WHERE id <> ALL(${exclude}::int[])`;
  return rows.map((row) => row.id);
}
