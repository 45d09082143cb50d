// The similar-papers method the paper page used before stored similarity (an OR query of a paper's
// rarest title terms, ranked by ts_rank), kept here only as the evaluation's baseline.
import type { PrismaClient } from "../../lib/generated/prisma/client";

const MAX_TERMS = 8;
const MAX_TERM_SHARE = 0.1;
const MATCH_BUDGET = 2_000;
const CANDIDATE_CAP = 2_000;

/** arXiv ids of the papers the keyword method ranks closest to one paper. Needs ANALYZE on paper. */
export async function keywordSimilarPapers(db: PrismaClient, paperId: number, limit = 10): Promise<string[]> {
  const terms = await db.$queryRaw<{ lexeme: string }[]>`
    WITH stats AS (
      SELECT s.most_common_elems::text::text[] AS elems, s.most_common_elem_freqs AS freqs
      FROM pg_stats s
      WHERE s.schemaname = current_schema() AND s.tablename = 'paper' AND s.attname = 'search_vector'
      LIMIT 1
    ),
    terms AS (
      SELECT t.lexeme, 'A' = ANY (t.weights) AS in_title, cardinality(array_positions(t.weights, 'C')) AS repeats,
        coalesce(stats.freqs[array_position(stats.elems, t.lexeme)], stats.freqs[cardinality(stats.elems) + 1] / 2, 0)::float8 AS share
      FROM paper p
      CROSS JOIN LATERAL unnest(p.search_vector) t
      LEFT JOIN stats ON TRUE
      WHERE p.id = ${paperId}
        AND t.lexeme ~ '^[[:alpha:]][[:alnum:]]{2,}$'
    ),
    ranked AS (
      SELECT lexeme, share,
        sum(share) OVER (ORDER BY in_title DESC, share / greatest(repeats, 1), lexeme) - share AS share_before
      FROM terms
      WHERE share <= ${MAX_TERM_SHARE} AND (in_title OR repeats >= 2)
    )
    SELECT lexeme FROM ranked
    WHERE share_before * greatest((SELECT reltuples FROM pg_class WHERE oid = 'paper'::regclass), 1) <= ${MATCH_BUDGET}
    ORDER BY share_before
    LIMIT ${MAX_TERMS}`;
  const lexemes = terms.map((term) => term.lexeme).filter((lexeme) => /^[\p{L}\p{N}]+$/u.test(lexeme));
  if (lexemes.length === 0) return [];
  const query = lexemes.map((lexeme) => `'${lexeme}'`).join(" | ");
  const rows = await db.$queryRaw<{ arxivId: string }[]>`
    SELECT p.arxiv_id AS "arxivId"
    FROM (
      SELECT p.id FROM paper p
      WHERE p.search_vector @@ ${query}::tsquery AND p.id <> ${paperId}
      LIMIT ${CANDIDATE_CAP}
    ) candidates
    JOIN paper p ON p.id = candidates.id
    ORDER BY ts_rank(p.search_vector, ${query}::tsquery, 1) DESC, p.id DESC
    LIMIT ${limit}`;
  return rows.map((row) => row.arxivId);
}
