import "server-only";

import { primaryReadDb } from "@/lib/db";
import { readDb } from "@/lib/db-read";
import { Prisma } from "@/lib/generated/prisma/client";

import { AUTHOR_WORDS_SQL } from "./search-sql";

export type Suggestion = { kind: "paper"; arxivId: string; title: string } | { kind: "author"; name: string; papers: number };

export const MIN_SUGGEST_CHARS = 2;
const MAX_WORDS = 4;
const MAX_PAPERS = 5;
const MAX_AUTHORS = 3;
// Author lists read to collect names from: a common prefix ("li") matches many, this bounds the work.
const AUTHOR_LISTS = 50;
// Words of titles and names that complete the last typed word, commonest first, looked up in the
// author-words index: the same bound for "mode", which starts no name, as for "li".
const COMPLETIONS = 50;

const folded = (word: string) => Prisma.sql`regexp_replace(paper_fold(${word}), '[^[:alnum:]]+', '', 'g')`;

/** `text` (folded SQL) contains every word, the last one at least as the start of a word. */
function containsWords(text: Prisma.Sql, words: string[], prefix: string): Prisma.Sql {
  const conditions = [...words, prefix].map((word) => Prisma.sql`${text} LIKE '%' || ${folded(word)} || '%'`);
  conditions.push(Prisma.sql`${text} ~ (${"\\m"} || ${folded(prefix)})`);
  return Prisma.join(conditions, " AND ");
}

/**
 * Search-as-you-type: titles holding every typed word (the last one as a word prefix), most
 * upvoted first (see suggestTitlesSql), and author names that start the same way
 * (see suggestAuthors). Both compare folded text: lower case, no accents.
 */
export async function suggestCompletions(q: string): Promise<Suggestion[]> {
  const typed = (q.match(/[\p{L}\p{Nd}]+/gu) ?? []).slice(-MAX_WORDS);
  const prefix = typed.at(-1);
  if (!prefix || typed.join("").length < MIN_SUGGEST_CHARS) return [];
  const words = typed.slice(0, -1);

  const [papers, authors] = await Promise.all([
    readDb.$queryRaw<{ arxivId: string; title: string }[]>(suggestTitlesSql(words, prefix)),
    suggestAuthors(words, prefix),
  ]);
  return [
    ...authors.map((author) => ({ kind: "author" as const, ...author })),
    ...papers.map((paper) => ({ kind: "paper" as const, ...paper })),
  ];
}

// Titles walked, most upvoted first, before the trigram index is asked (see suggestTitlesSql).
const WALKED_TITLES = 1_000;
// A word of titles and names in this many papers or more is common (see search_word_add).
const COMMON_WORD_PAPERS = 1_000;

/**
 * The MAX_PAPERS most upvoted titles holding the typed words. When the last word starts a common
 * word ("ques", question), the most upvoted titles are walked first and nearly always hold five:
 * the trigram index would find every title holding "ques", some 10,000 at a million papers, to
 * sort them by votes. Only when the walk (at most WALKED_TITLES) finds fewer does the index
 * answer, so the titles are the same either way. `commonFrom` is where a word counts as common.
 */
export function suggestTitlesSql(words: string[], prefix: string, commonFrom = COMMON_WORD_PAPERS): Prisma.Sql {
  const held = containsWords(Prisma.sql`p.title_folded`, words, prefix);
  return Prisma.sql`
    WITH walked AS MATERIALIZED (
      SELECT p.arxiv_id, p.title, p.votes, p.id
      FROM (
        SELECT p.arxiv_id, p.title, p.votes, p.id, p.title_folded FROM paper p
        WHERE EXISTS (SELECT 1 FROM search_word w WHERE w.word LIKE ${folded(prefix)} || '%' AND w.papers >= ${commonFrom})
        ORDER BY p.votes DESC, p.id DESC
        LIMIT ${WALKED_TITLES}
      ) p
      WHERE ${held}
      ORDER BY p.votes DESC, p.id DESC
      LIMIT ${MAX_PAPERS}
    )
    SELECT found.arxiv_id AS "arxivId", found.title FROM (
      SELECT * FROM walked WHERE (SELECT count(*) FROM walked) = ${MAX_PAPERS}
      UNION ALL
      (SELECT p.arxiv_id, p.title, p.votes, p.id FROM paper p
       WHERE (SELECT count(*) FROM walked) < ${MAX_PAPERS} AND ${held}
       ORDER BY p.votes DESC, p.id DESC
       LIMIT ${MAX_PAPERS})
    ) found
    ORDER BY found.votes DESC, found.id DESC`;
}

/**
 * Authors whose names hold every typed word, the last one as the start of a name's word, by how
 * many of the lists read name them. From three letters on, the lists are found through the words
 * that complete the last one (search_word, a few thousand rows) in the author-words index, never by
 * scanning names: a trigram search of the names for "mode" took 3.4 s at a million papers to find
 * none, the completions 13 ms. Two letters make no trigram and start the commonest names ("li"): a
 * scan finds fifty lists at once (24 ms), where the completions' lists would be read whole (1.3 s).
 */
async function suggestAuthors(words: string[], prefix: string) {
  if ([...prefix].length < 3) {
    const lists = Prisma.sql`SELECT p.authors FROM paper p WHERE ${containsWords(Prisma.sql`p.authors_folded`, words, prefix)}`;
    return readDb.$queryRaw<AuthorRow[]>(namesSql(lists, words, prefix));
  }
  const completions = Prisma.sql`
    SELECT ${folded(prefix)} AS word
    UNION
    (SELECT w.word FROM search_word w WHERE w.word LIKE ${folded(prefix)} || '%' ORDER BY w.papers DESC, w.word LIMIT ${COMPLETIONS})`;
  // position(), which the trigram index does not serve: the completions' lists find the papers.
  const held = words.map((word) => Prisma.sql`AND position(${folded(word)} IN p.authors_folded) > 0`);
  const lists = Prisma.sql`
    SELECT p.authors FROM paper p
    WHERE ${AUTHOR_WORDS_SQL} && (SELECT array_agg(c.word) FROM (${completions}) c) ${held.length ? Prisma.join(held, " ") : Prisma.empty}`;
  // The planner cannot tell how many lists the completions hold, and would rather scan the table
  // for the first few (10 s at a million papers for a prefix no name has). Settings need a
  // transaction, so this reads from the primary's read pool.
  const [, authors] = await primaryReadDb.$transaction([
    primaryReadDb.$queryRaw`SELECT set_config('enable_seqscan', 'off', true)`,
    primaryReadDb.$queryRaw<AuthorRow[]>(namesSql(lists, words, prefix)),
  ]);
  return authors;
}

type AuthorRow = { name: string; papers: number };

/** The names in the first AUTHOR_LISTS author lists `lists` selects that hold the typed words. */
function namesSql(lists: Prisma.Sql, words: string[], prefix: string): Prisma.Sql {
  return Prisma.sql`
    SELECT name, count(*)::int AS papers
    FROM (SELECT unnest(found.authors) AS name FROM (${lists} LIMIT ${AUTHOR_LISTS}) found) names
    WHERE ${containsWords(Prisma.sql`paper_fold(names.name)`, words, prefix)}
    GROUP BY name
    ORDER BY count(*) DESC, name
    LIMIT ${MAX_AUTHORS}`;
}
