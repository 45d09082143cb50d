import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { upsertPapers } from "@/lib/ingest/upsert-papers";
import { partialPageSql } from "@/lib/search/partial-match-sql";
import { planSearch, prismaRows } from "@/lib/search/plan-search";
import { anyTermQuerySql } from "@/lib/search/query-terms";
import { RELEVANCE_CANDIDATES, relevanceScoreSql } from "@/lib/search/ranking";
import { searchQuerySchema } from "@/lib/search/search-query";
import { searchConditionsSql } from "@/lib/search/search-sql";
import { recentMatchesSql } from "@/lib/search/search-window";

import { paperInput } from "../support/paper-input";
import { everyPage } from "../support/search-pages";

// Two words the seed never uses, each in 600 papers of their own listed over 2025-11-01 … 11-28,
// and three papers holding both, listed last: "quorvex plimset" has three full matches, then
// partial ones drawn from the newest 1,000 of the 1,200 papers holding one word.
const day = (index: number) => `2025-11-${String(1 + (index % 28)).padStart(2, "0")}`;
const holders = ["Quorvex", "Plimset"].flatMap((word, side) =>
  Array.from({ length: 600 }, (_, index) =>
    paperInput(`2511.${String(95000 + side * 1000 + index)}`, {
      // The oldest name the word twice, so by text alone they would rank first.
      title: index < 20 ? `${word} ${word}: an early study` : `${word} variant ${index}`,
      publishedOn: index < 20 ? "2025-10-01" : day(index),
    }),
  ),
);
const full = [0, 1, 2].map((index) =>
  paperInput(`2511.9700${index}`, { title: `Quorvex and plimset together ${index}`, publishedOn: "2025-11-28" }),
);
const papers = [...holders, ...full];

beforeAll(async () => {
  await upsertPapers(papers);
});

afterAll(async () => {
  await db.paper.deleteMany({ where: { arxivId: { in: papers.map((paper) => paper.arxivId) } } });
});

describe("partial matches of a query with many candidates", () => {
  it("are the newest papers holding a word that are not full matches, after every full match", async () => {
    const hits = await everyPage("quorvex plimset", 50);
    expect(hits.slice(0, 3).map((hit) => [hit.arxivId, hit.matchedAll])).toEqual(
      expect.arrayContaining(full.map((paper) => [paper.arxivId, true])),
    );
    const partial = hits.slice(3);
    expect(partial.every((hit) => !hit.matchedAll)).toBe(true);
    const newest = await db.$queryRaw<{ arxivId: string }[]>`
      SELECT arxiv_id AS "arxivId" FROM paper p
      WHERE p.search_vector @@ to_tsquery('paper_search', 'quorvex | plimset')
        AND NOT p.search_vector @@ to_tsquery('paper_search', 'quorvex & plimset')
      ORDER BY p.listed_on DESC, p.id DESC LIMIT ${RELEVANCE_CANDIDATES}`;
    expect(partial.map((hit) => hit.arxivId).sort()).toEqual(newest.map((row) => row.arxivId).sort());
    expect(partial.some((hit) => hit.title.includes("early study"))).toBe(false);
  });

  it("score each candidate from its vector read once exactly as from the stored vector", async () => {
    const { weighed } = await planSearch(searchQuerySchema.parse({ q: "quorvex plimset" }));
    const hits = (await everyPage("quorvex plimset", 50)).filter((hit) => !hit.matchedAll);
    const stored = await prismaRows<{ id: number; score: number }>(Prisma.sql`
      SELECT p.id, ${relevanceScoreSql(anyTermQuerySql(weighed!.terms))} AS score
      FROM paper p WHERE p.id IN (${Prisma.join(hits.map((hit) => hit.id))})`);
    const scores = new Map(stored.map((row) => [row.id, row.score]));
    expect(hits.length).toBe(RELEVANCE_CANDIDATES);
    for (const hit of hits) expect(hit.rank).toBeCloseTo(scores.get(hit.id)!, 12);
  });
});

describe("partial matches looked for in a window of recent papers", () => {
  const pageSql = async (candidateWindowStart: string | null) => {
    const { options, weighed } = await planSearch(searchQuerySchema.parse({ q: "quorvex plimset" }));
    const limit = 2 * RELEVANCE_CANDIDATES;
    return partialPageSql({ ...options, limit, terms: weighed!.terms, fullMatches: full.length, candidateWindowStart });
  };
  const partialIds = async (candidateWindowStart: string | null) => {
    const rows = await prismaRows<{ id: number; missing: string[] }>(await pageSql(candidateWindowStart));
    return rows.filter((row) => row.missing.length > 0).map((row) => row.id);
  };
  // Whether the statement looked in the whole corpus: the node under the fallback's gate ran.
  type PlanNode = { "One-Time Filter"?: string; "Actual Loops"?: number; Plans?: PlanNode[] };
  const searchedWholeCorpus = async (windowStart: string) => {
    const [row] = await prismaRows<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(
      Prisma.sql`EXPLAIN (ANALYZE, FORMAT JSON, TIMING OFF) ${await pageSql(windowStart)}`,
    );
    const gates: PlanNode[] = [];
    const walk = (node: PlanNode) => {
      if (node["One-Time Filter"]?.includes(" < ")) gates.push(node);
      node.Plans?.forEach(walk);
    };
    walk(row!["QUERY PLAN"][0].Plan);
    expect(gates).toHaveLength(1);
    return (gates[0]!.Plans?.[0]?.["Actual Loops"] ?? 0) > 0;
  };

  // Listed 2025-11-01 … 11-28 are 1,160 holders, and the three full matches: enough. From 11-20,
  // about 370: too few, so the newest are looked for in the whole corpus.
  it.each([
    ["holds enough", "2025-11-01", false],
    ["holds too few", "2025-11-20", true],
  ])("are the newest holders without full matches when the window %s", async (_name, windowStart, fallsBack) => {
    const whole = await partialIds(null);
    expect(whole).toHaveLength(RELEVANCE_CANDIDATES);
    expect(await partialIds(windowStart)).toEqual(whole);
    expect(await searchedWholeCorpus(windowStart)).toBe(fallsBack);
  });
});

describe("counting a query's recent matches", () => {
  const corpus = { papers: 2_000, firstDay: "2024-01-01", lastDay: "2025-11-28", recentPapers: 1_000 };
  const recentMatches = async (q: string) => {
    const { options } = await planSearch(searchQuerySchema.parse({ q }));
    const [row] = await prismaRows<{ matches: number }>(recentMatchesSql(searchConditionsSql(options.filters), corpus));
    return row!.matches;
  };

  it("counts the matches listed in the 30 days up to the newest day", async () => {
    // Listed 2025-10-30 … 11-28: every holder but the 20 early ones of each word.
    expect(await recentMatches("quorvex")).toBe(583);
    expect(await recentMatches("quorvex plimset")).toBe(3);
    expect(await recentMatches("author:Lovelace quorvex")).toBe(583);
  });

  it.each([
    ["SQL", "'; DROP TABLE paper; --"],
    ["SQL in quotes", '" OR 1=1 --'],
    ["unicode and emoji", "量子 🚀 naïve quorvex"],
    ["NUL and control characters", "quor\u0000vex\u0007"],
    ["operators only", "& | ! <-> ( ) : *"],
    ["a phrase and an exclusion", '"quorvex variant" -plimset'],
  ])("counts %s without an error", async (_name, q) => {
    expect(await recentMatches(q)).toBeGreaterThanOrEqual(0);
  });
});
