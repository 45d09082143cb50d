import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { upsertPapers } from "@/lib/ingest/upsert-papers";
import { RELEVANCE_CANDIDATES } from "@/lib/search/ranking";
import { searchPapers, type SearchResult } from "@/lib/search/search-papers";
import { searchQuerySchema } from "@/lib/search/search-query";
import { COUNT_CAP, searchPageSql } from "@/lib/search/search-sql";

import { paperInput } from "../support/paper-input";

async function search(q: string, extra: Record<string, string> = {}): Promise<SearchResult> {
  return searchPapers(searchQuerySchema.parse({ q, ...extra }));
}

const ids = (result: SearchResult) => result.papers.map((paper) => paper.arxivId);

/** Every page of a search, following nextCursor. */
async function allPages(q: string, extra: Record<string, string>): Promise<SearchResult["papers"]> {
  const papers: SearchResult["papers"] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 100; page++) {
    const result = await search(q, { ...extra, ...(cursor && { cursor }) });
    papers.push(...result.papers);
    if (!result.nextCursor) return papers;
    cursor = result.nextCursor;
  }
  throw new Error("the cursor never ran out");
}

// Our own papers sharing a word the seed never uses, with distinct votes and dates.
const voted = [0, 1, 2, 3, 4].map((index) =>
  paperInput(`2603.9710${index}`, {
    title: `Glimmerwort sampling study ${index}`,
    publishedOn: `2026-03-0${index + 1}`,
    externalUpvotes: [5, 40, 0, 12, 40][index]!,
  }),
);
// Enough papers with one word that relevance ranks only the newest and the total is an estimate.
const broad = Array.from({ length: COUNT_CAP + 50 }, (_, index) =>
  paperInput(`2601.${String(90000 + index)}`, {
    // The oldest one names the word twice in its title, so by text alone it would rank first.
    title: index === 0 ? "Zorblax Zorblax: the original" : `Zorblax variant ${index}`,
    publishedOn: `2026-01-${String(1 + (index % 28)).padStart(2, "0")}`,
  }),
);
broad[0]!.publishedOn = "2025-12-01";

beforeAll(async () => {
  await upsertPapers([...voted, ...broad]);
});

afterAll(async () => {
  await db.paper.deleteMany({ where: { arxivId: { in: [...voted, ...broad].map((p) => p.arxivId) } } });
});

describe("query language", () => {
  it("needs every plain word to match", async () => {
    const both = await search("symbolic regression");
    const symbolic = await search("symbolic");
    expect(both.total.count).toBeGreaterThan(0);
    expect(both.total.count).toBeLessThan(symbolic.total.count);
  });

  it("matches an exact phrase only with its words in order", async () => {
    const phrase = await search('"learning rate"');
    const words = await search("learning rate");
    expect(ids(phrase)).toContain("2408.11029");
    expect(phrase.total.count).toBeLessThan(words.total.count);
  });

  it("OR finds either side", async () => {
    const result = await search("Hebbian OR Z-loss");
    expect(ids(result).sort()).toEqual(["1604.08859", "2212.00606"]);
  });

  it("-word leaves out the papers containing it", async () => {
    const all = await search('"in-context learning"');
    const without = await search('"in-context learning" -Bayesian');
    const withWord = await search('"in-context learning" Bayesian');
    expect(ids(all)).toContain("2306.04891");
    expect(ids(without)).not.toContain("2306.04891");
    expect(withWord.total.count).toBeGreaterThan(0);
    expect(without.total.count).toBe(all.total.count - withWord.total.count);
  });

  it("ignores case, accents and plurals", async () => {
    expect(ids(await search("TRANSFORMER"))).toEqual(ids(await search("transformers")));
    expect(ids(await search("Akyurek"))).toEqual(["2211.15661"]);
  });

  it("author: matches whole name words, with or without accents, in any author position", async () => {
    expect(ids(await search("author:kirsch")).sort()).toEqual(["2211.02222", "2212.04458", "2402.05828"]);
    expect(ids(await search('author:"Louis Kirsch" "in-context"'))).toEqual(["2212.04458"]);
    expect(ids(await search("author:scholkopf"))).toEqual(["2406.04344"]);
    expect(ids(await search("author:Schölkopf"))).toEqual(["2406.04344"]);
    expect((await search("author:kirs")).total.count).toBe(0);
  });

  it("author: finds names of one or two letters, stop words among them", async () => {
    const papers = [
      paperInput("2604.92001", { title: "Short names one", authors: ["Wei Wu", "Kaiming He"] }),
      paperInput("2604.92002", { title: "Short names two", authors: ["Wuhan Li", "Heather Ng"] }),
    ];
    await upsertPapers(papers);
    try {
      const wu = ids(await search("author:wu", { limit: "50" }));
      expect(wu).toContain("2604.92001");
      expect(wu).not.toContain("2604.92002");
      expect(ids(await search("author:He short names"))).toEqual(["2604.92001"]);
      expect(ids(await search("author:ng author:LI short names"))).toEqual(["2604.92002"]);
    } finally {
      await db.paper.deleteMany({ where: { arxivId: { in: papers.map((p) => p.arxivId) } } });
    }
  });

  it("category: keeps papers listed in that category", async () => {
    const result = await search("category:cs.cl reasoning");
    expect(result.papers.length).toBeGreaterThan(0);
    for (const hit of result.papers) expect(hit.categories).toContain("cs.CL");
    expect(result.total.count).toBeLessThan((await search("reasoning")).total.count);
  });

  it("an arXiv id finds that paper", async () => {
    expect(ids(await search("arXiv:2403.15706v2"))).toEqual(["2403.15706"]);
  });
});

describe("filters", () => {
  it("the category parameter works like category:", async () => {
    expect(ids(await search("reasoning", { category: "cs.CL" }))).toEqual(ids(await search("category:cs.CL reasoning")));
  });

  it("a date range keeps papers listed within it, both ends included", async () => {
    const result = await search("glimmerwort", { from: "2026-03-02", to: "2026-03-04" });
    expect(ids(result).sort()).toEqual(["2603.97101", "2603.97102", "2603.97103"]);
  });
});

describe("sorting", () => {
  it("newest lists the latest listing day first", async () => {
    expect(ids(await search("glimmerwort", { sort: "newest" }))).toEqual([
      "2603.97104",
      "2603.97103",
      "2603.97102",
      "2603.97101",
      "2603.97100",
    ]);
  });

  it("upvotes lists the most voted first, ties by newest id", async () => {
    expect(ids(await search("glimmerwort", { sort: "upvotes" }))).toEqual([
      "2603.97104",
      "2603.97101",
      "2603.97103",
      "2603.97100",
      "2603.97102",
    ]);
  });

  it("relevance is the default and returns descending scores", async () => {
    const result = await search("reinforcement learning");
    expect(result.sort).toBe("relevance");
    const ranks = result.papers.map((hit) => hit.rank!);
    expect(ranks.every((rank) => rank > 0)).toBe(true);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
  });
});

describe("pagination", () => {
  it.each(["relevance", "newest", "upvotes"])("by %s, pages cover every match exactly once", async (sort) => {
    const first = await search("learning", { sort });
    const papers = await allPages("learning", { sort, limit: "7" });
    expect(first.total.exact).toBe(true);
    expect(papers.length).toBe(first.total.count);
    expect(new Set(papers.map((hit) => hit.id)).size).toBe(papers.length);
  });
});

describe("broad queries", () => {
  it("run in sessions with room for a common word's index bitmap and no parallel workers (see lib/db-session.ts)", async () => {
    const [row] = await db.$queryRaw<{ workMem: string; workers: string }[]>`
      SELECT current_setting('work_mem') AS "workMem", current_setting('max_parallel_workers_per_gather') AS workers`;
    expect(row).toEqual({ workMem: "32MB", workers: "0" });
  });

  it("count exactly up to the cap and estimate beyond it", async () => {
    const result = await search("zorblax");
    expect(result.total.exact).toBe(false);
    expect(result.total.count).toBeGreaterThan(COUNT_CAP);
    expect((await search("glimmerwort")).total).toEqual({ count: 5, exact: true });
  });

  it("rank only the newest matches by relevance, say so, and still list every match by date", async () => {
    const relevant = await allPages("zorblax", { limit: "50" });
    const result = await search("zorblax");
    expect(result.rankedNewest).toBe(RELEVANCE_CANDIDATES);
    expect(relevant.length).toBe(RELEVANCE_CANDIDATES);
    expect(relevant.map((hit) => hit.arxivId)).not.toContain("2601.90000");
    const newest = await search("zorblax", { sort: "newest", to: "2025-12-31" });
    expect(ids(newest)).toEqual(["2601.90000"]);
  });

  it("rank the same candidates from a recent window that holds enough of them, and tell when one holds too few", async () => {
    const { filters } = searchQuerySchema.parse({ q: "zorblax" });
    const page = (windowStart: string | null) =>
      db.$queryRaw<{ arxivId: string; candidates: number }[]>(searchPageSql({ filters, sort: "relevance", limit: 50, windowStart }));
    const everything = await page(null);
    // The zorblax papers are listed evenly over 2026-01-01 … 01-28, about 75 a day.
    const recent = await page("2026-01-10");
    expect(recent.map((row) => row.arxivId)).toEqual(everything.map((row) => row.arxivId));
    expect(recent[0]?.candidates).toBe(RELEVANCE_CANDIDATES);
    expect((await page("2026-01-25"))[0]?.candidates).toBeLessThan(RELEVANCE_CANDIDATES);
  });
});
