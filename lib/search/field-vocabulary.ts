import { Prisma } from "@/lib/generated/prisma/client";

import { mineAbbreviations } from "./mine-abbreviations";
import type { QueryTerm } from "./query-terms";
import type { RunSql } from "./search-sql";

/** The longest run of query words looked up as one form ("reinforcement learning from human feedback"). */
const MAX_SPAN_WORDS = 5;
/** Forms a term also searches for, at most. */
const MAX_ALTERNATIVES = 3;
/**
 * A mined expansion is used when at least this share as many papers define it as the acronym's
 * commonest: "RL" is reinforcement learning, not the representation learning one paper meant.
 */
const MIN_SHARE_OF_COMMONEST = 0.3;

/**
 * Records the acronyms that new papers define (see mine-abbreviations.ts), counting each paper
 * once a pair: one statement for the batch. Pairs spelled differently but searched alike ("large
 * language model" and "… models") are one row; rows are written in key order, so concurrent
 * ingests cannot deadlock.
 */
export async function recordAbbreviations(run: RunSql, papers: { title: string; abstract: string }[]): Promise<number> {
  const counts = new Map<string, { short: string; long: string; papers: number }>();
  for (const paper of papers) {
    for (const { short, long } of mineAbbreviations(`${paper.title}. ${paper.abstract}`)) {
      const key = `${short}\u0000${long}`;
      const known = counts.get(key);
      if (known) known.papers++;
      else counts.set(key, { short, long, papers: 1 });
    }
  }
  if (counts.size === 0) return 0;
  const pairs = [...counts.values()];
  await run(Prisma.sql`
    INSERT INTO search_vocabulary AS v (short_form, long_form, papers)
    SELECT min(short), min(long), sum(papers)::int
    FROM (
      SELECT x.short, x.long, x.papers,
             phraseto_tsquery('paper_search'::regconfig, x.short)::text AS short_key,
             phraseto_tsquery('paper_search'::regconfig, x.long)::text AS long_key
      FROM unnest(${pairs.map((p) => p.short)}::text[], ${pairs.map((p) => p.long)}::text[], ${pairs.map((p) => p.papers)}::int[])
        AS x(short, long, papers)
    ) keyed
    WHERE short_key <> '' AND long_key <> ''
    GROUP BY short_key, long_key
    ORDER BY short_key, long_key
    ON CONFLICT (short_key, long_key) DO UPDATE SET papers = v.papers + EXCLUDED.papers`);
  return pairs.length;
}

type Span = { query: number; text: string; start: number; length: number };
type FormRow = { span: number; form: string; papers: number; curated: boolean };

/**
 * A plain query's words as terms, each run of words the vocabulary knows becoming one term with
 * its other forms: "LLM agents" is (LLM or large language model) and agents; "continual
 * learning" is also incremental or lifelong learning. Longer runs win over the words inside them.
 * One indexed statement.
 */
export async function expandQueryWords(run: RunSql, words: string[]): Promise<QueryTerm[]> {
  return (await expandQueries(run, [words]))[0]!;
}

/** expandQueryWords for many queries (a digest run's topics) in one statement. */
export async function expandQueries(run: RunSql, queries: string[][]): Promise<QueryTerm[][]> {
  const spans: Span[] = [];
  queries.forEach((words, query) => {
    for (let length = Math.min(MAX_SPAN_WORDS, words.length); length >= 1; length--) {
      for (let start = 0; start + length <= words.length; start++)
        spans.push({ query, text: words.slice(start, start + length).join(" "), start, length });
    }
  });
  if (spans.length === 0) return queries.map(() => []);
  const rows = await run<FormRow>(Prisma.sql`
    WITH span AS (
      SELECT s.ord::int - 1 AS span, phraseto_tsquery('paper_search'::regconfig, s.text)::text AS key
      FROM unnest(${spans.map((span) => singularAcronym(span.text))}::text[]) WITH ORDINALITY AS s(text, ord)
    )
    SELECT span.span, v.form, v.papers, v.curated FROM span
    CROSS JOIN LATERAL (
      SELECT long_form AS form, long_key AS key, papers, curated FROM search_vocabulary WHERE short_key = span.key
      UNION ALL
      SELECT short_form, short_key, papers, curated FROM search_vocabulary WHERE long_key = span.key
    ) v
    -- A form the query already searches ("agentic" for "agents": both are 'agent') adds nothing.
    WHERE span.key <> '' AND v.key <> span.key`);
  const formsBySpan = new Map<number, FormRow[]>();
  for (const row of rows) formsBySpan.set(row.span, [...(formsBySpan.get(row.span) ?? []), row]);

  return queries.map((words, query) => {
    const taken = new Array<boolean>(words.length).fill(false);
    const chosen = new Map<number, QueryTerm>();
    spans.forEach((span, index) => {
      if (span.query !== query) return;
      const alternatives = pickAlternatives(span.text, formsBySpan.get(index) ?? []);
      const free = words.slice(span.start, span.start + span.length).every((_, offset) => !taken[span.start + offset]);
      if (!free || (alternatives.length === 0 && span.length > 1)) return;
      for (let offset = 0; offset < span.length; offset++) taken[span.start + offset] = true;
      chosen.set(span.start, { word: span.text, alternatives, weight: 1 });
    });
    return [...chosen.entries()].sort(([a], [b]) => a - b).map(([, term]) => term);
  });
}

function pickAlternatives(text: string, rows: FormRow[]): string[] {
  const commonest = Math.max(0, ...rows.filter((row) => !row.curated).map((row) => row.papers));
  const usable = rows
    .filter((row) => row.curated || row.papers >= Math.max(1, MIN_SHARE_OF_COMMONEST * commonest))
    .sort((a, b) => Number(b.curated) - Number(a.curated) || b.papers - a.papers);
  const seen = new Set([text.toLowerCase(), singularAcronym(text).toLowerCase()]);
  const forms: string[] = [];
  for (const { form } of usable) {
    if (seen.has(form.toLowerCase()) || forms.length >= MAX_ALTERNATIVES) continue;
    seen.add(form.toLowerCase());
    forms.push(form);
  }
  return forms;
}

/** "LLMs" → "LLM": the index holds an acronym's plural as a word of its own, the vocabulary the singular. */
export function singularAcronym(word: string): string {
  return /^[\p{L}\p{Nd}-]*\p{Lu}s$/u.test(word) ? word.slice(0, -1) : word;
}
