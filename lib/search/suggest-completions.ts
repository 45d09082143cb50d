import "server-only";

import { readDb } from "@/lib/db-read";
import { Prisma } from "@/lib/generated/prisma/client";

export type Suggestion = { kind: "paper"; arxivId: string; title: string } | { kind: "author"; name: string; papers: number };

export const MIN_SUGGEST_CHARS = 2;
const MAX_WORDS = 4;
const MAX_PAPERS = 5;
const MAX_AUTHORS = 3;
// Author lists read to collect names from: a common prefix ("li") matches many, this bounds the work.
const AUTHOR_LISTS = 50;

const folded = (word: string) => Prisma.sql`regexp_replace(paper_fold(${word}), '[^[:alnum:]]+', '', 'g')`;

/** `text` (folded SQL) contains every word, the last one at least as the start of a word. */
function containsWords(text: Prisma.Sql, words: string[], prefix: string): Prisma.Sql {
  const conditions = [...words, prefix].map((word) => Prisma.sql`${text} LIKE '%' || ${folded(word)} || '%'`);
  conditions.push(Prisma.sql`${text} ~ (${"\\m"} || ${folded(prefix)})`);
  return Prisma.join(conditions, " AND ");
}

/**
 * Search-as-you-type: titles holding every typed word (the last one as a word prefix), most
 * upvoted first, and author names that start the same way. Both compare folded text (lower case,
 * no accents) found through the trigram indexes.
 */
export async function suggestCompletions(q: string): Promise<Suggestion[]> {
  const typed = (q.match(/[\p{L}\p{Nd}]+/gu) ?? []).slice(-MAX_WORDS);
  const prefix = typed.at(-1);
  if (!prefix || typed.join("").length < MIN_SUGGEST_CHARS) return [];
  const words = typed.slice(0, -1);

  const [papers, authors] = await Promise.all([
    readDb.$queryRaw<{ arxivId: string; title: string }[]>`
      SELECT p.arxiv_id AS "arxivId", p.title
      FROM paper p
      WHERE ${containsWords(Prisma.sql`p.title_folded`, words, prefix)}
      ORDER BY p.votes DESC, p.id DESC
      LIMIT ${MAX_PAPERS}`,
    readDb.$queryRaw<{ name: string; papers: number }[]>`
      SELECT name, count(*)::int AS papers
      FROM (
        SELECT unnest(lists.authors) AS name
        FROM (SELECT p.authors FROM paper p WHERE ${containsWords(Prisma.sql`p.authors_folded`, words, prefix)} LIMIT ${AUTHOR_LISTS}) lists
      ) names
      WHERE ${containsWords(Prisma.sql`paper_fold(names.name)`, words, prefix)}
      GROUP BY name
      ORDER BY count(*) DESC, name
      LIMIT ${MAX_AUTHORS}`,
  ]);
  return [
    ...authors.map((author) => ({ kind: "author" as const, ...author })),
    ...papers.map((paper) => ({ kind: "paper" as const, ...paper })),
  ];
}
