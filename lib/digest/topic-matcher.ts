import "server-only";

import { db } from "@/lib/db";
import type { TopicKind } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import { normalizeCategory } from "@/lib/search/arxiv-category";
import { expandQueries } from "@/lib/search/field-vocabulary";
import { parseSearchText, type SearchText } from "@/lib/search/parse-search-text";
import { topicMatchSql } from "@/lib/search/partial-match-sql";
import { partialMatchLabel, plainQueryWords, type QueryTerm } from "@/lib/search/query-terms";
import { textRankSql } from "@/lib/search/ranking";
import { AUTHOR_WORDS_SQL, rankQuerySql } from "@/lib/search/search-sql";

import { paperHeat } from "./rank-papers";

export type Topic = { kind: TopicKind; value: string };
/**
 * A new paper a topic matched; `textRank` is the search engine's text rank for keyword topics
 * (times the share of the topic's terms it holds), else 0; `missing`, the words of a keyword topic
 * a partial match lacks (see TOPIC_MIN_COVERAGE).
 */
export type TopicHit = { paperId: number; textRank: number; missing?: string[] };
/** What ranking needs of a paper that matched anything: when it arrived and how hot it is today. */
export type FreshPaper = { createdAt: number; heat: number };

type Row = { topic: number; ids: number[]; ranks: number[]; missing: string[] };
type SearchWithTerms = SearchText & { terms?: QueryTerm[] };

// Joins a partial match's missing words into one array element; queries hold no control characters.
const WORD_SEPARATOR = "\u001f";

const DAY_MS = 86_400_000;
// Topics per statement: each is one UNION ALL branch, planned on its own with its own words; the
// window they share is read once per statement (about 40 ms for a day of papers).
const TOPICS_PER_QUERY = 400;
// Beyond this many cached topics the oldest are forgotten, so memory stays flat however many
// different topics the subscribers follow.
const MAX_CACHED_TOPICS = 20_000;

export function topicKey(topic: Topic): string {
  return `${topic.kind}:${topic.value}`;
}

/**
 * What a topic means, through the search engine's own conditions (the same as /search and the
 * subscribe form's preview): keyword topics in the search syntax, categories as `category:`,
 * authors as `author:"…"`. Null for a topic that cannot match anything.
 */
function searchFor(topic: Topic): SearchText | null {
  if (topic.kind === "keyword") {
    const parsed = parseSearchText(topic.value);
    return parsed.ok && parsed.value.arxivId === null ? parsed.value : null;
  }
  if (topic.kind === "category") {
    const category = normalizeCategory(topic.value);
    return category ? { text: "", authors: [], categories: [category], arxivId: null } : null;
  }
  const parsed = parseSearchText(`author:"${topic.value.replace(/"/g, "")}"`);
  return parsed.ok && parsed.value.authors.length > 0 ? parsed.value : null;
}

/**
 * Matches topics against the papers that arrived up to `cutoff`, once per distinct topic for a
 * whole run: a hundred thousand subscribers following "diffusion" cost one query, not one each.
 * Each topic's matches are kept from the earliest arrival asked for so far (rounded down to whole
 * days before the cutoff, so nearby windows share them); subscribers then filter by their own window.
 */
export function createTopicMatcher(cutoff: Date) {
  const today = cutoff.toISOString().slice(0, 10);
  const cache = new Map<string, { from: number; hits: TopicHit[]; byPaper?: Map<number, number>; missingBy?: Map<number, string[]> }>();
  const papers = new Map<number, FreshPaper>();

  /** Arrival and heat of the papers among `ids` not yet known. */
  async function loadPapers(ids: number[]) {
    const unknown = [...new Set(ids)].filter((id) => !papers.has(id));
    if (unknown.length === 0) return;
    const rows = await db.$queryRaw<{ id: number; createdAt: Date; trendingScore: number }[]>`
      SELECT id, created_at AS "createdAt", trending_score AS "trendingScore" FROM paper WHERE id = ANY(${unknown}::int[])`;
    for (const row of rows) papers.set(row.id, { createdAt: row.createdAt.getTime(), heat: paperHeat(row.trendingScore, today) });
  }

  /** Keyword topics' words with their other forms (see field-vocabulary.ts), in one statement. */
  async function withTerms(searches: (SearchText | null)[]): Promise<(SearchWithTerms | null)[]> {
    const words = searches.map((search) => (search?.text ? (plainQueryWords(search.text) ?? []) : []));
    if (words.every((list) => list.length === 0)) return searches;
    const terms = await expandQueries((sql) => db.$queryRaw(sql), words);
    return searches.map((search, index) => (search && terms[index]!.length ? { ...search, terms: terms[index] } : search));
  }

  async function load(topics: Topic[], from: number) {
    const expanded = await withTerms(topics.map(searchFor));
    const searches = topics.map((topic, index) => ({ topic, search: expanded[index] ?? null }));
    const usable = searches.flatMap(({ topic, search }, index) => (search ? [{ topic, search, index }] : []));
    const found = new Map<number, TopicHit[]>(searches.map((_, index) => [index, []]));
    for (let start = 0; start < usable.length; start += TOPICS_PER_QUERY) {
      const branches = usable.slice(start, start + TOPICS_PER_QUERY).map(({ search, index }) => {
        const match = topicMatchSql(search, Prisma.sql`p.author_words`);
        const rank = search.text ? Prisma.sql`${textRankSql(rankQuerySql(search))} * ${match.coverage}` : Prisma.sql`0::float8`;
        return Prisma.sql`
          SELECT ${index}::int AS topic, p.id, ${rank} AS rank, array_to_string(${match.missing}, ${WORD_SEPARATOR}) AS missing
          FROM fresh p WHERE ${match.condition}`;
      });
      // The window's papers are read once, their vectors decompressed and their author words
      // computed once, into a CTE that every topic then scans. Tested in place, each topic would
      // redo both for every paper: 6 ms a keyword and 15 ms an author for a day's thousand papers,
      // against 0.7 ms. The CTE keeps the names the search conditions use. A row per topic, not
      // per match: a common topic matches hundreds of papers, and each row costs the client more
      // than an array element.
      const rows = await db.$queryRaw<Row[]>`
        WITH fresh AS MATERIALIZED (
          SELECT id, arxiv_id, listed_on, created_at, trending_score, search_vector || ''::tsvector AS search_vector,
                 ${AUTHOR_WORDS_SQL} AS author_words, categories
          FROM paper p WHERE created_at > ${new Date(from)} AND created_at <= ${cutoff}
        )
        SELECT topic, array_agg(id) AS ids, array_agg(rank) AS ranks, array_agg(missing) AS missing
        FROM (${Prisma.join(branches, " UNION ALL ")}) m GROUP BY topic`;
      for (const { topic, ids, ranks, missing } of rows) {
        found.set(
          topic,
          ids.map((paperId, at) => ({ paperId, textRank: ranks[at]!, missing: missing[at] ? missing[at].split(WORD_SEPARATOR) : [] })),
        );
      }
      await loadPapers(rows.flatMap((row) => row.ids));
    }
    for (const [index, { topic }] of searches.entries()) {
      const key = topicKey(topic);
      cache.delete(key);
      cache.set(key, { from, hits: found.get(index)! });
    }
    while (cache.size > MAX_CACHED_TOPICS) cache.delete(cache.keys().next().value!);
  }

  return {
    /** Papers seen in any match: arrival time and trending score by id. */
    papers,
    /** The papers a topic already loaded by `hits` matched, with their text rank. */
    matchedBy(topic: Topic): Map<number, number> {
      const entry = cache.get(topicKey(topic));
      if (!entry) return new Map();
      entry.byPaper ??= new Map(entry.hits.map((hit) => [hit.paperId, hit.textRank]));
      return entry.byPaper;
    },
    /**
     * Why a topic picked a paper, for the digest's "why picked" line: the topic, or for a partial
     * match the topic's words it holds ("LLM math reasoning (of “LLM math reasoning reward”)").
     */
    whyPicked(topic: Topic, paperId: number): string {
      const entry = cache.get(topicKey(topic));
      if (!entry) return topic.value;
      entry.missingBy ??= new Map(entry.hits.flatMap((hit) => (hit.missing?.length ? [[hit.paperId, hit.missing] as const] : [])));
      return partialMatchLabel(topic.value, entry.missingBy.get(paperId) ?? []);
    },
    /**
     * Every topic's matches among papers that arrived after `since` (at least; callers filter by
     * their own window), loading the topics not yet known or known only for a later start.
     */
    async hits(topics: { topic: Topic; since: Date }[]): Promise<Map<string, TopicHit[]>> {
      const needed = new Map<string, { topic: Topic; from: number }>();
      for (const { topic, since } of topics) {
        const days = Math.max(1, Math.ceil((cutoff.getTime() - since.getTime()) / DAY_MS));
        const from = cutoff.getTime() - days * DAY_MS;
        const key = topicKey(topic);
        const cached = cache.get(key);
        if (cached && cached.from <= from) continue;
        const earlier = needed.get(key);
        if (!earlier || from < earlier.from) needed.set(key, { topic, from });
      }
      const byStart = new Map<number, Topic[]>();
      for (const { topic, from } of needed.values()) byStart.set(from, [...(byStart.get(from) ?? []), topic]);
      for (const [from, group] of byStart) await load(group, from);

      const result = new Map<string, TopicHit[]>();
      for (const { topic } of topics) result.set(topicKey(topic), cache.get(topicKey(topic))?.hits ?? []);
      return result;
    },
  };
}

export type TopicMatcher = ReturnType<typeof createTopicMatcher>;
