import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GET as searchRoute } from "@/app/api/search/route";
import { GET as suggestRoute } from "@/app/api/search/suggest/route";
import { db } from "@/lib/db";
import { upsertPapers } from "@/lib/ingest/upsert-papers";
import { suggestTitlesSql } from "@/lib/search/suggest-completions";
import { getSimilarPapers } from "@/lib/similarity/get-similar-papers";

import { paperInput } from "../support/paper-input";

async function call(route: typeof searchRoute, path: string, params: Record<string, string>) {
  const url = new URL(`http://localhost${path}`);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  const response = await route(new Request(url), undefined);
  return { status: response.status, body: await response.json() };
}

const search = (params: Record<string, string>) => call(searchRoute, "/api/search", params);
const suggest = (q: string) => call(suggestRoute, "/api/search/suggest", { q });

const hostile = paperInput("2604.97200", {
  title: `<img src=x onerror="alert(1)"> Quixotic attention & "friends"`,
  abstract: "We study quixotic attention. <script>alert('x')</script> Markup in abstracts must stay text. \uE000Not ours\uE001.",
  authors: ["Mallory <b>Bold</b>"],
  publishedOn: "2026-04-01",
});

const withTex = paperInput("2604.97201", {
  title: "Zorblax: $\\beta$-Divergences at $\\mathcal{O}(n^2)$ Cost",
  abstract:
    'We propose \\emph{Zorblax}, a $\\beta$-divergence method for T\\"ULU models at $\\mathcal{O}(n^2)$ cost and 5\\% of the memory.',
});

beforeAll(async () => {
  await upsertPapers([hostile, withTex]);
});

afterAll(async () => {
  await db.paper.deleteMany({ where: { arxivId: { in: [hostile.arxivId, withTex.arxivId] } } });
});

describe("GET /api/search", () => {
  it("returns papers with rank, highlights, a total and the query it ran", async () => {
    const { status, body } = await search({ q: "transformers", limit: "2" });
    expect(status).toBe(200);
    expect(body.query).toEqual({ q: "transformers", sort: "relevance" });
    expect(body.total).toEqual({ count: expect.any(Number), exact: true });
    expect(body.papers).toHaveLength(2);
    expect(body.papers[0]).toMatchObject({ arxivId: "2310.03016", rank: expect.any(Number) });
    expect(body.papers[0].highlights.title).toContain("<mark>Transformers</mark>");
    expect(body.papers[0].highlights.abstract).toMatch(/<mark>[Tt]ransformers?<\/mark>/);
    expect(body.nextCursor).toEqual(expect.any(String));
  });

  it("escapes everything in highlights but its own <mark>", async () => {
    const { body } = await search({ q: "quixotic" });
    const [hit] = body.papers;
    expect(hit.arxivId).toBe(hostile.arxivId);
    expect(hit.highlights.title).toBe(
      "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; <mark>Quixotic</mark> attention &amp; &quot;friends&quot;",
    );
    expect(hit.highlights.abstract).toContain("<mark>quixotic</mark>");
    // Snippets leave out tags (ts_headline's choice); what is left is escaped.
    expect(hit.highlights.abstract).toContain("alert(&#39;x&#39;)");
    expect(hit.highlights.abstract).not.toMatch(/<(?!\/?mark>)/);
    expect(hit.highlights.abstract).not.toContain("<mark>Not ours");
  });

  it("gives titles, previews and highlights with TeX as readable text", async () => {
    const { body } = await search({ q: "zorblax" });
    const [hit] = body.papers;
    expect(hit.arxivId).toBe(withTex.arxivId);
    expect(hit.title).toBe("Zorblax: β-Divergences at O(n²) Cost");
    expect(hit.highlights.title).toBe("<mark>Zorblax</mark>: β-Divergences at O(n²) Cost");
    // The snippet is a window of the abstract that ts_headline chooses.
    expect(hit.highlights.abstract).toContain("<mark>Zorblax</mark>, a β-divergence method for TÜLU models at O(n²) cost and 5%");
    expect(hit.highlights.abstract).not.toMatch(/[\\$]/);
    expect(hit.abstractPreview).toBe("We propose Zorblax, a β-divergence method for TÜLU models at O(n²) cost and 5% of the memory.");
  });

  it.each([
    ["empty", "", 'q must not be empty: type a word, a "phrase", author:name or category:cs.LG'],
    ["whitespace", " \t\n ", 'q must not be empty: type a word, a "phrase", author:name or category:cs.LG'],
    ["10,000 characters", "a".repeat(10_000), "q must be at most 500 characters"],
    ["a bad category", "category:' OR 1=1", 'q: "\'" is not an arXiv category; write e.g. category:cs.LG'],
  ])("answers %s with a 400 that says why", async (_name, q, message) => {
    const { status, body } = await search({ q });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: "bad_request", message });
  });

  it.each([
    ["sort", { q: "x", sort: "best" }, "sort must be one of relevance, newest, upvotes"],
    ["cursor", { q: "x", cursor: "bm90LWEtY3Vyc29y" }, "cursor is not one this API returned"],
    ["limit", { q: "x", limit: "lots" }, "limit must be a number"],
    ["dates", { q: "x", from: "2025-01-02", to: "2025-01-01" }, "to must be on or after from"],
  ])("answers a bad %s with a 400 naming the field", async (_name, params, message) => {
    const { status, body } = await search(params);
    expect(status).toBe(400);
    expect(body.error.message).toContain(message);
  });

  it("answers a query of stop words with no papers and says why", async () => {
    const { status, body } = await search({ q: "the of and" });
    expect(status).toBe(200);
    expect(body).toMatchObject({ papers: [], total: { count: 0, exact: true }, onlyStopWords: true, didYouMean: null });
  });

  it.each([
    ["unicode and emoji", "量子 🚀 naïve"],
    ["SQL", "'; DROP TABLE paper; --"],
    ["SQL in quotes", '" OR 1=1 --'],
    ["HTML", "<script>alert(1)</script>"],
    ["an unbalanced quote", '"in-context learning'],
    ["a lone minus", "-"],
    ["a lone OR", "OR"],
    ["only exclusions", "-learning"],
    ["NUL and control characters", "trans\u0000formers\u0007"],
    ["operators only", "& | ! <-> ( ) : *"],
  ])("answers %s with results or none, never an error", async (_name, q) => {
    const { status, body } = await search({ q });
    expect(status).toBe(200);
    expect(Array.isArray(body.papers)).toBe(true);
  });

  it("still has its papers after a search for SQL", async () => {
    await search({ q: "'; DROP TABLE paper; --" });
    expect(await db.paper.count()).toBeGreaterThanOrEqual(81);
  });

  it("finds phrase results despite an unclosed quote", async () => {
    const { body } = await search({ q: '"in-context learning' });
    expect(body.papers.length).toBeGreaterThan(0);
  });

  it("offers a respelling when a word is misspelt", async () => {
    expect((await search({ q: "tranformers", literal: "1" })).body).toMatchObject({ total: { count: 0 }, didYouMean: "transformers" });
    expect((await search({ q: "reinfrocement learning", literal: "1" })).body.didYouMean).toBe("reinforcement learning");
    expect((await search({ q: "author:kirsch Discovering" })).body.didYouMean).toBeNull();
  });
});

describe("GET /api/search/suggest", () => {
  it("completes the last word against titles", async () => {
    const { status, body } = await suggest("in-context lea");
    expect(status).toBe(200);
    const papers = body.suggestions.filter((s: { kind: string }) => s.kind === "paper");
    expect(papers.length).toBeGreaterThan(0);
    for (const paper of papers) expect(paper.title.toLowerCase()).toMatch(/in-context.*\blea|\blea.*in-context/);
  });

  it("suggests authors by the start of a name, ignoring accents", async () => {
    expect((await suggest("kirs")).body.suggestions).toContainEqual({ kind: "author", name: "Louis Kirsch", papers: 3 });
    expect((await suggest("scholk")).body.suggestions).toContainEqual({ kind: "author", name: "Bernhard Schölkopf", papers: 1 });
  });

  it("finds the same titles walking the most upvoted first as through the trigram index", async () => {
    const titles = (words: string[], prefix: string, commonFrom: number) =>
      db.$queryRaw<{ arxivId: string }[]>(suggestTitlesSql(words, prefix, commonFrom));
    for (const [words, prefix] of [
      [[], "lea"],
      [[], "mod"],
      [["reinforcement"], "lea"],
      [[], "kirs"],
      [[], "zzqx"],
    ] as const) {
      const walked = await titles([...words], prefix, 0);
      expect(walked).toEqual(await titles([...words], prefix, 2 ** 31 - 1));
    }
    expect((await titles([], "lea", 0)).length).toBe(5);
  });

  it("offers nothing for less than two characters, emoji or punctuation", async () => {
    for (const q of ["", "a", "🚀🚀", "%_%", "\\"]) expect((await suggest(q)).body.suggestions).toEqual([]);
  });

  it("answers an overlong query with a 400", async () => {
    const { status, body } = await suggest("x".repeat(101));
    expect(status).toBe(400);
    expect(body.error.message).toBe("q must be at most 100 characters");
  });
});

describe("similar papers", () => {
  async function similarTo(arxivId: string) {
    const paper = await db.paper.findUniqueOrThrow({ where: { arxivId }, select: { id: true } });
    return (await getSimilarPapers(paper.id)).map((similar) => similar.arxivId);
  }

  it("finds the companion paper on the same method", async () => {
    const similar = await similarTo("2403.15706");
    expect(similar).toContain("2405.17779");
    expect(similar).not.toContain("2403.15706");
  });

  it("finds papers on the same topic for an in-context learning paper", async () => {
    expect(await similarTo("2306.04891")).toEqual(expect.arrayContaining(["2211.15661"]));
  });
});
