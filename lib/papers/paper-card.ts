import { Prisma } from "@/lib/generated/prisma/client";

/** What a list of papers shows for each one. */
export type PaperCard = {
  id: number;
  arxivId: string;
  title: string;
  /** The abstract's opening, enough for a two-line preview. */
  abstractPreview: string;
  /** The first authors, in order; `authorCount` says how many there are in all. */
  authors: string[];
  authorCount: number;
  publishedOn: string | null;
  listedOn: string;
  primaryCategory: string | null;
  categories: string[];
  upvotes: number;
  trendingScore: number;
};

export const CARD_AUTHORS = 5;
const PREVIEW_CHARS = 320;

/** The columns of a PaperCard, for raw queries over `paper p`. */
export const paperCardColumns = Prisma.sql`
  p.id, p.arxiv_id AS "arxivId", p.title, left(p.abstract, ${PREVIEW_CHARS}) AS "abstractPreview",
  p.authors[1:${CARD_AUTHORS}] AS authors, cardinality(p.authors) AS "authorCount",
  to_char(p.published_on, 'YYYY-MM-DD') AS "publishedOn", to_char(p.listed_on, 'YYYY-MM-DD') AS "listedOn",
  p.primary_category AS "primaryCategory", p.categories, p.votes AS upvotes, p.trending_score AS "trendingScore"`;

/** A raw query for the cards of these papers, in no order. */
export const paperCardsQuery = (ids: number[]) => Prisma.sql`SELECT ${paperCardColumns} FROM paper p WHERE p.id = ANY(${ids}::int[])`;
