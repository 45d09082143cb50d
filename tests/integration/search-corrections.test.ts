import { describe, expect, it } from "vitest";

import { GET as searchRoute } from "@/app/api/search/route";
import { searchPapers } from "@/lib/search/search-papers";
import { searchQuerySchema } from "@/lib/search/search-query";

const search = (q: string, extra: Record<string, string> = {}) => searchPapers(searchQuerySchema.parse({ q, ...extra }));
const ids = async (q: string, extra: Record<string, string> = {}) => (await search(q, extra)).papers.map((paper) => paper.arxivId);

describe("corrections that act", () => {
  it("shows the corrected query's results when the query finds nothing", async () => {
    const result = await search("theorm proving");
    expect(result.correction).toEqual({ showing: "theorem proving", insteadOf: "theorm proving" });
    expect(result.didYouMean).toBeNull();
    expect(result.papers.map((paper) => paper.arxivId)).toEqual(await ids("theorem proving"));
  });

  it("searches the query as typed when asked to, still offering the correction", async () => {
    const result = await search("theorm proving", { literal: "1" });
    expect(result.correction).toBeNull();
    expect(result.papers).toEqual([]);
    expect(result.didYouMean).toBe("theorem proving");
  });

  it("keeps filters when it corrects", async () => {
    const result = await search("symbolic regresion", { category: "cs.RO" });
    expect(result.papers).toEqual([]);
    expect(result.correction).toBeNull();
  });

  it("takes a last word that is no word as the start of words", async () => {
    const kirs = await search("kirs");
    expect(kirs.searchedPrefix).toBe("kirs");
    expect(kirs.papers.map((paper) => paper.arxivId)).toContain("2212.04458");
    const theo = await search("theo");
    expect(theo.searchedPrefix).toBe("theo");
    expect(
      theo.papers
        .slice(0, 3)
        .map((paper) => paper.arxivId)
        .sort(),
    ).toEqual(["2405.14333", "2410.06209", "2410.15748"]);
  });

  it("pages a prefix search like any other", async () => {
    const whole = await ids("theo", { limit: "50" });
    const first = await search("theo", { limit: "5" });
    const second = await search("theo", { limit: "5", cursor: first.nextCursor! });
    expect(second.searchedPrefix).toBe("theo");
    expect([...first.papers, ...second.papers].map((paper) => paper.arxivId)).toEqual(whole.slice(0, 10));
  });

  it("leaves a query that finds something alone", async () => {
    const result = await search("theorem");
    expect(result.correction).toBeNull();
    expect(result.searchedPrefix).toBeNull();
  });

  it("tells API clients which query the results are for", async () => {
    const url = new URL("http://localhost/api/search");
    url.searchParams.set("q", "theorm proving");
    const body = await (await searchRoute(new Request(url), undefined)).json();
    expect(body.correction).toEqual({ showing: "theorem proving", insteadOf: "theorm proving" });
    url.searchParams.set("literal", "yes");
    expect((await searchRoute(new Request(url), undefined)).status).toBe(400);
  });
});
