import "server-only";

import { readDb } from "@/lib/db-read";
import { paperCardColumns, type PaperCard } from "@/lib/papers/paper-card";

const MAX_TERMS = 8;
// A term in more than this share of papers says little about what a paper is about.
const MAX_TERM_SHARE = 0.1;
// The chosen terms together should match about this many papers at most, so ranking stays cheap.
const MATCH_BUDGET = 2_000;
// And never rank more than this many, whatever the statistics said.
const CANDIDATE_CAP = 2_000;

/**
 * The papers closest in content to one paper: an OR query of its most distinctive terms, ranked
 * by ts_rank. Title words come first, rarest first, then words its abstract repeats, by rarity
 * per repetition. How common a term is comes from the statistics ANALYZE keeps on the search
 * vector (pg_stats.most_common_elems), which costs nothing to read, unlike counting matches
 * (ts_stat) at query time. Terms are added until their combined matches reach MATCH_BUDGET.
 */
export async function findSimilarPapers(paperId: number, limit = 5): Promise<PaperCard[]> {
  const terms = await readDb.$queryRaw<{ lexeme: string }[]>`
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

  // Lexemes are letters and digits only (checked above and here), so quoting them is enough.
  const lexemes = terms.map((term) => term.lexeme).filter((lexeme) => /^[\p{L}\p{N}]+$/u.test(lexeme));
  if (lexemes.length === 0) return [];
  const query = lexemes.map((lexeme) => `'${lexeme}'`).join(" | ");

  return readDb.$queryRaw<PaperCard[]>`
    SELECT ${paperCardColumns}
    FROM (
      SELECT p.id FROM paper p
      WHERE p.search_vector @@ ${query}::tsquery AND p.id <> ${paperId}
      LIMIT ${CANDIDATE_CAP}
    ) candidates
    JOIN paper p ON p.id = candidates.id
    ORDER BY ts_rank(p.search_vector, ${query}::tsquery, 1) DESC, p.id DESC
    LIMIT ${limit}`;
}
