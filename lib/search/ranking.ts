import { Prisma } from "@/lib/generated/prisma/client";

/**
 * How search ranks by relevance. A paper's score is
 *
 *     text × (1 + RECENCY_BOOST × 2^(−age in days / RECENCY_HALF_LIFE_DAYS)
 *               + VOTES_BOOST × min(1, ln(1 + votes) / ln(1 + VOTES_SATURATION)))
 *
 * where `text` is PostgreSQL's cover-density rank (ts_rank_cd) with a title match worth 1, an
 * author match 0.4 and an abstract match 0.2, divided by 1 + log(document length) so long
 * abstracts do not win by size, and mapped into [0, 1). The boosts are small: a paper from today
 * with a hundred votes scores at most 30% above an old unvoted one, so they order papers that
 * match about equally well and never lift a weak match over a strong one.
 *
 * Ranking a match costs reading its whole vector (~2.4 KB), so a query with more matches than
 * RELEVANCE_CANDIDATES ranks only that many of its newest matches instead of every one: a
 * common word's top page then costs what a rare word's does. A query with fewer matches is
 * ranked exactly. (How the newest are found depends on how many match; see search-sql.ts.)
 */
export const TITLE_WEIGHT = 1;
export const AUTHORS_WEIGHT = 0.4;
export const ABSTRACT_WEIGHT = 0.2;
export const RECENCY_BOOST = 0.15;
export const RECENCY_HALF_LIFE_DAYS = 365;
export const VOTES_BOOST = 0.15;
export const VOTES_SATURATION = 100;
export const RELEVANCE_CANDIDATES = 1_000;

// ts_rank_cd's weights run {D, C, B, A}; nothing is weighted D.
const WEIGHTS = `{0.1,${ABSTRACT_WEIGHT},${AUTHORS_WEIGHT},${TITLE_WEIGHT}}`;
// 1: divide by 1 + log(length); 32: map into [0, 1) as rank / (rank + 1).
const NORMALIZATION = 1 | 32;

/** The text-only rank of `p` (a paper row) against a tsquery expression. */
export function textRankSql(tsquery: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`ts_rank_cd(${WEIGHTS}::float4[], p.search_vector, ${tsquery}, ${NORMALIZATION}::int)::float8`;
}

/** The full relevance score of `p`, as documented above. */
export function relevanceScoreSql(tsquery: Prisma.Sql): Prisma.Sql {
  return boostedScoreSql(textRankSql(tsquery));
}

/** A text rank of `p` with the recency and votes boosts documented above. */
export function boostedScoreSql(textRank: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(${textRank} * (1
    + ${RECENCY_BOOST}::float8 * power(2::float8, -greatest(current_date - p.listed_on, 0)::float8 / ${RECENCY_HALF_LIFE_DAYS}::float8)
    + ${VOTES_BOOST}::float8 * least(1::float8, ln(1 + p.votes::float8) / ln(${1 + VOTES_SATURATION}::float8))))`;
}
