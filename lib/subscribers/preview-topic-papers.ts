import "server-only";

import { readDb } from "@/lib/db-read";
import { Prisma } from "@/lib/generated/prisma/client";
import { paperCardColumns, type PaperCard } from "@/lib/papers/paper-card";
import { expandQueries } from "@/lib/search/field-vocabulary";
import { parseSearchText } from "@/lib/search/parse-search-text";
import { topicMatchSql } from "@/lib/search/partial-match-sql";
import { partialMatchLabel, plainQueryWords } from "@/lib/search/query-terms";
import { AUTHOR_WORDS_SQL, searchConditionsSql } from "@/lib/search/search-sql";

import type { TopicLists } from "./subscription-input";

export type PreviewPaper = PaperCard & { matched: string[] };

/** `trending`: no topics were given, so these are the top trending papers such a digest brings. */
export type TopicPreview = { papers: PreviewPaper[]; trending: boolean };

// Separates a matcher's label from the words a partial match lacks, and those words from each
// other, inside one text; queries hold no control characters.
const LABEL_END = "\u001e";
const WORD_SEPARATOR = "\u001f";

/**
 * The newest papers the topics would pick, each with what it matched ("why this paper").
 * Keyword topics go through the digest's own matching (the search engine's conditions, field
 * vocabulary and, above a clear threshold, partial matches), so a topic means here exactly what
 * it means in a digest; a partial match says which of the topic's words it holds. With no topics
 * at all, a digest carries the top trending papers, and so does the preview.
 */
export async function previewTopicPapers(lists: TopicLists, limit: number): Promise<TopicPreview> {
  const matchers: { label: string; condition: Prisma.Sql; missing: Prisma.Sql }[] = [];
  const keywords = lists.topics.flatMap((topic) => {
    const parsed = parseSearchText(topic);
    return parsed.ok ? [{ topic, search: parsed.value }] : [];
  });
  const terms = await expandQueries(
    (sql) => readDb.$queryRaw(sql),
    keywords.map(({ search }) => plainQueryWords(search.text) ?? []),
  );
  keywords.forEach(({ topic, search }, index) => {
    const match = topicMatchSql(terms[index]!.length ? { ...search, terms: terms[index] } : search, AUTHOR_WORDS_SQL);
    matchers.push({ label: topic, condition: match.condition, missing: match.missing });
  });
  for (const category of lists.categories) {
    matchers.push({
      label: category,
      condition: Prisma.sql`p.categories @> ARRAY[${category}]::text[]`,
      missing: Prisma.sql`'{}'::text[]`,
    });
  }
  for (const author of lists.authors) {
    const parsed = parseSearchText(`author:"${author.replace(/"/g, "")}"`);
    if (parsed.ok && parsed.value.authors.length) {
      matchers.push({ label: author, condition: searchConditionsSql(parsed.value), missing: Prisma.sql`'{}'::text[]` });
    }
  }
  if (matchers.length === 0) {
    const papers = await readDb.$queryRaw<PreviewPaper[]>`
      SELECT ${paperCardColumns}, ARRAY[]::text[] AS matched
      FROM paper p ORDER BY p.trending_score DESC, p.id DESC LIMIT ${limit}`;
    return { papers, trending: true };
  }

  const matched = Prisma.join(
    matchers.map(
      ({ label, condition, missing }) =>
        Prisma.sql`CASE WHEN ${condition} THEN ${label}::text || ${LABEL_END}::text || array_to_string(${missing}, ${WORD_SEPARATOR}) END`,
    ),
    ", ",
  );
  const rows = await readDb.$queryRaw<PreviewPaper[]>`
    SELECT ${paperCardColumns}, array_remove(ARRAY[${matched}], NULL) AS matched
    FROM paper p
    WHERE ${Prisma.join(
      matchers.map(({ condition }) => Prisma.sql`(${condition})`),
      " OR ",
    )}
    ORDER BY date_trunc('day', p.created_at) DESC, p.trending_score DESC, p.id DESC
    LIMIT ${limit}`;
  const papers = rows.map((row) => ({
    ...row,
    matched: row.matched.map((entry) => {
      const [label = "", missing = ""] = entry.split(LABEL_END);
      return partialMatchLabel(label, missing ? missing.split(WORD_SEPARATOR) : []);
    }),
  }));
  return { papers, trending: false };
}
