import "server-only";

import { readRows } from "@/lib/db-read";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Postings read per strong term of the model: the papers that term weighs most in, within the
 * window (an index by term and listing day serves the recent windows, one by term and weight all time).
 */
const POSTINGS_PER_TERM = 100;
/**
 * Candidates kept from the postings, by a first-pass score (Σ model weight × posting weight over the
 * strong terms a paper is posted under), and from the liked papers' similar papers (by their summed
 * similarity): only these are loaded and scored in full. Up to 24 × 100 postings would otherwise
 * all be, which at a million papers made the all-time window cost seconds.
 */
const SCORED_BY_TERMS = 300;
const SCORED_BY_SIMILAR = 100;

/**
 * Papers worth scoring for a reader, from the index rather than the corpus: those in which the
 * model's strongest terms weigh most, and the stored similar papers of what they liked, within
 * the listing window (`from`, or all time when null), the best of each by a first-pass score. Raw,
 * as every first view of For you runs it (see readRows). The reader's own papers are left out.
 */
export async function findCandidates(options: {
  terms: { termId: number; weight: number }[];
  liked: number[];
  exclude: number[];
  from: string | null;
}): Promise<number[]> {
  const { terms, liked, exclude, from } = options;
  const candidates = Prisma.sql`
    WITH by_terms AS (
      SELECT c.paper_id AS id, sum(strong.weight * c.weight) AS partial
      FROM unnest(${terms.map((term) => term.termId)}::int[], ${terms.map((term) => term.weight)}::float8[]) AS strong(term_id, weight)
      CROSS JOIN LATERAL (
        SELECT s.paper_id, s.weight FROM similarity_posting s
        WHERE s.term_id = strong.term_id AND (${from}::date IS NULL OR s.listed_on >= ${from}::date)
        ORDER BY s.weight DESC LIMIT ${POSTINGS_PER_TERM}
      ) c
      WHERE c.paper_id <> ALL(${exclude}::int[])
      GROUP BY c.paper_id
      ORDER BY partial DESC, c.paper_id
      LIMIT ${SCORED_BY_TERMS}
    ),
    by_similar AS (
      SELECT s.similar_id AS id FROM similar_paper s JOIN paper p ON p.id = s.similar_id
      WHERE s.paper_id = ANY(${liked}::int[]) AND (${from}::date IS NULL OR p.listed_on >= ${from}::date)
        AND s.similar_id <> ALL(${exclude}::int[])
      GROUP BY s.similar_id
      ORDER BY sum(s.score) DESC, s.similar_id
      LIMIT ${SCORED_BY_SIMILAR}
    )
    SELECT id FROM by_terms UNION SELECT id FROM by_similar`;
  // A generic plan cannot tell all time from a recent window, nor how few postings it takes: it
  // took 5.4 ms where planning each call took 3.0.
  const rows = await readRows<{ id: number }>(candidates, { planEachCall: true });
  return rows.map((row) => row.id);
}
