import "server-only";

import { readDb } from "@/lib/db-read";
import { Prisma } from "@/lib/generated/prisma/client";
import { paperCardColumns, type PaperCard } from "@/lib/papers/paper-card";
import { parseSearchText } from "@/lib/search/parse-search-text";
import { searchConditionsSql } from "@/lib/search/search-sql";

import type { TopicLists } from "./subscription-input";

export type PreviewPaper = PaperCard & { matched: string[] };

/** `trending`: no topics were given, so these are the top trending papers such a digest brings. */
export type TopicPreview = { papers: PreviewPaper[]; trending: boolean };

/**
 * The newest papers the topics would pick, each with the topics it matched ("why this paper").
 * Keyword topics and authors go through the search engine's own conditions, so a topic means
 * exactly what the same words mean on /search. With no topics at all, a digest carries the top
 * trending papers, and so does the preview.
 */
export async function previewTopicPapers(lists: TopicLists, limit: number): Promise<TopicPreview> {
  const matchers: { label: string; condition: Prisma.Sql }[] = [];
  for (const topic of lists.topics) {
    const parsed = parseSearchText(topic);
    if (parsed.ok) matchers.push({ label: topic, condition: searchConditionsSql(parsed.value) });
  }
  for (const category of lists.categories) {
    matchers.push({ label: category, condition: Prisma.sql`p.categories @> ARRAY[${category}]::text[]` });
  }
  for (const author of lists.authors) {
    const parsed = parseSearchText(`author:"${author.replace(/"/g, "")}"`);
    if (parsed.ok && parsed.value.authors.length) matchers.push({ label: author, condition: searchConditionsSql(parsed.value) });
  }
  if (matchers.length === 0) {
    const papers = await readDb.$queryRaw<PreviewPaper[]>`
      SELECT ${paperCardColumns}, ARRAY[]::text[] AS matched
      FROM paper p ORDER BY p.trending_score DESC, p.id DESC LIMIT ${limit}`;
    return { papers, trending: true };
  }

  const matched = Prisma.join(
    matchers.map(({ label, condition }) => Prisma.sql`CASE WHEN ${condition} THEN ${label}::text END`),
    ", ",
  );
  const papers = await readDb.$queryRaw<PreviewPaper[]>`
    SELECT ${paperCardColumns}, array_remove(ARRAY[${matched}], NULL) AS matched
    FROM paper p
    WHERE ${Prisma.join(matchers.map(({ condition }) => Prisma.sql`(${condition})`), " OR ")}
    ORDER BY date_trunc('day', p.created_at) DESC, p.trending_score DESC, p.id DESC
    LIMIT ${limit}`;
  return { papers, trending: false };
}
