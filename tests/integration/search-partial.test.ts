import { describe, expect, it } from "vitest";

import { GET as searchRoute } from "@/app/api/search/route";
import { Prisma } from "@/lib/generated/prisma/client";
import { planSearch, prismaRows } from "@/lib/search/plan-search";
import { searchPapers } from "@/lib/search/search-papers";
import { searchQuerySchema, type SearchFilters } from "@/lib/search/search-query";
import { searchConditionsSql } from "@/lib/search/search-sql";

import { everyPage } from "../support/search-pages";

const search = (q: string, extra: Record<string, string> = {}) => searchPapers(searchQuerySchema.parse({ q, ...extra }));

describe("partial matches", () => {
  it("continues a query few papers match fully with papers matching most of its words", async () => {
    const result = await search("LLM math reasoning reinforcement learning reward");
    const ids = result.papers.map((paper) => paper.arxivId);
    expect(ids).toEqual(expect.arrayContaining(["2502.06781", "2406.14532"]));
    const partial = result.papers.filter((paper) => !paper.matchedAll);
    expect(partial.length).toBeGreaterThan(0);
    for (const paper of partial) expect(paper.missing.length).toBeGreaterThan(0);
    // Full matches first, then the partial ones: never a full match after the divider.
    const firstPartial = result.papers.findIndex((paper) => !paper.matchedAll);
    expect(result.papers.slice(firstPartial).every((paper) => !paper.matchedAll)).toBe(true);
    expect(result.total).toEqual({ count: result.papers.length - partial.length, exact: true });
  });

  it("lists the words a partial match lacks, as typed", async () => {
    const result = await search("Hebbian replica quixotically");
    const hebbian = result.papers.find((paper) => paper.arxivId === "2212.00606");
    expect(hebbian).toMatchObject({ matchedAll: false, missing: ["quixotically"] });
  });

  it("ranks partial matches by how much of the query they hold, rare words weighing more", async () => {
    // "agents" is rarer than "LLM" in the seed: papers about agents qualify, papers that only say LLM do not.
    const result = await search("LLM agents");
    expect(result.papers.length).toBeGreaterThan(0);
    for (const paper of result.papers) expect(paper.missing).not.toContain("agents");
  });

  it("pages across the divider with one cursor: the same papers in the same order, none twice", async () => {
    const q = "LLM math reasoning reinforcement learning reward";
    const whole = (await search(q, { limit: "50" })).papers.map((paper) => paper.arxivId);
    const paged = (await everyPage(q, 3)).map((paper) => paper.arxivId);
    expect(paged).toEqual(whole);
    expect(new Set(paged).size).toBe(paged.length);
    expect(whole.length).toBeGreaterThan(3);
  });

  it.each([
    ['"LLM agents"', "a quoted phrase"],
    ["LLM OR agents", "an OR"],
    ["reasoning -math", "an exclusion"],
  ])("keeps %s strict (%s)", async (q) => {
    const result = await search(q);
    expect(result.papers.every((paper) => paper.matchedAll && paper.missing.length === 0)).toBe(true);
  });

  it("keeps author: and category: strict beside partial words", async () => {
    const result = await search("author:Bamler verbalized revisiting quixotically");
    expect(result.papers.length).toBeGreaterThan(0);
    for (const paper of result.papers) expect(paper.authors.join(" ")).toContain("Bamler");
    const none = await search("category:cs.RO verbalized revisiting quixotically");
    expect(none.papers).toEqual([]);
  });

  it("finds through its rarest term exactly the papers that hold every term", async () => {
    // Whether the plan looks up a subset depends on the corpus's word counts; the condition must not.
    const { options, weighed } = await planSearch(searchQuerySchema.parse({ q: "LLM agents" }));
    const rarest = [...weighed!.terms].sort((a, b) => b.weight - a.weight).slice(0, 1);
    const matches = (filters: SearchFilters) =>
      prismaRows<{ arxivId: string }>(
        Prisma.sql`SELECT p.arxiv_id AS "arxivId" FROM paper p WHERE ${searchConditionsSql(filters)} ORDER BY p.arxiv_id`,
      );
    const strict = await matches({ ...options.filters, lookupTerms: undefined });
    expect(strict.length).toBeGreaterThan(0);
    expect(await matches({ ...options.filters, lookupTerms: rarest })).toEqual(strict);
  });

  it("does not add partial matches when sorting by newest", async () => {
    const result = await search("LLM agents", { sort: "newest" });
    expect(result.papers.every((paper) => paper.matchedAll)).toBe(true);
  });

  it("still offers did-you-mean when nothing matches at all", async () => {
    const result = await search("symbolic regresion", { literal: "1" });
    expect(result.papers).toEqual([]);
    expect(result.didYouMean).toBe("symbolic regression");
  });

  it("says per result in the API whether it matched every word and what it lacks", async () => {
    const url = new URL("http://localhost/api/search");
    url.searchParams.set("q", "Hebbian replica quixotically");
    const response = await searchRoute(new Request(url), undefined);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { papers: { arxivId: string; matchedAll: boolean; missing: string[] }[] };
    expect(body.papers.find((paper) => paper.arxivId === "2212.00606")).toMatchObject({ matchedAll: false, missing: ["quixotically"] });
  });
});
