import { afterAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { upsertPapers } from "@/lib/ingest/upsert-papers";
import { searchPapers, type SearchResult } from "@/lib/search/search-papers";
import { searchQuerySchema } from "@/lib/search/search-query";

import { paperInput } from "../support/paper-input";
import { everyPage } from "../support/search-pages";

const search = (q: string, extra: Record<string, string> = {}) => searchPapers(searchQuerySchema.parse({ q, ...extra }));
const ids = (result: SearchResult) => result.papers.map((paper) => paper.arxivId);

const QUESTION = "how do LLMs learn math reasoning";
// MARIO and CHAMP are about LLMs' math reasoning and never say "learn".
const MARIO = "2401.08190";
const CHAMP = "2401.06961";

describe("a search that reads as a question", () => {
  it("ranks papers lacking a common word among the full matches, saying which word they lack", async () => {
    const result = await search(QUESTION, { limit: "10" });
    expect(result.blended).toBe(true);
    expect(ids(result)).toEqual(expect.arrayContaining([MARIO, CHAMP]));
    expect(result.papers.find((paper) => paper.arxivId === MARIO)).toMatchObject({ matchedAll: false, missing: ["learn"] });
    const lastFull = result.papers.findLastIndex((paper) => paper.matchedAll);
    const firstPartial = result.papers.findIndex((paper) => !paper.matchedAll);
    expect(firstPartial).toBeGreaterThanOrEqual(0);
    expect(firstPartial).toBeLessThan(lastFull);
    // The total still counts the papers holding every word.
    expect(result.total.count).toBe((await search(QUESTION, { literal: "1", sort: "newest", limit: "50" })).papers.length);
  });

  it("pages with one cursor: the same papers in the same order, none twice", async () => {
    const whole = (await search(QUESTION, { limit: "50" })).papers.map((paper) => paper.arxivId);
    const paged = (await everyPage(QUESTION, 4)).map((paper) => paper.arxivId);
    expect(paged).toEqual(whole);
    expect(new Set(paged).size).toBe(paged.length);
    expect(whole.length).toBeGreaterThan(8);
  });

  it("keeps a list of keywords strict: full matches first", async () => {
    const result = await search("LLM math reasoning reinforcement learning reward");
    expect(result.blended).toBe(false);
    const firstPartial = result.papers.findIndex((paper) => !paper.matchedAll);
    expect(result.papers.slice(firstPartial).every((paper) => !paper.matchedAll)).toBe(true);
  });

  it("ranks only full matches when sorting by newest", async () => {
    const result = await search(QUESTION, { sort: "newest" });
    expect(result.blended).toBe(false);
    expect(result.papers.every((paper) => paper.matchedAll)).toBe(true);
  });
});

const renamed = paperInput("2604.93001", { title: "GlimmerNet: a study of sparkle" });

afterAll(async () => {
  await db.paper.deleteMany({ where: { arxivId: renamed.arxivId } });
});

describe("CamelCase words of a title", () => {
  it("are found by their parts, and whole", async () => {
    expect(ids(await search("agent"))).toContain("2410.06209"); // LeanAgent
    expect(ids(await search('"lean agent"'))).toContain("2410.06209");
    expect(ids(await search("LeanAgent"))).toContain("2410.06209");
    expect(ids(await search("AlphaMath"))).toContain("2405.03553");
  });

  it("are indexed in parts when a paper arrives and again when its title changes", async () => {
    await upsertPapers([renamed]);
    expect(ids(await search("glimmer", { literal: "1" }))).toEqual([renamed.arxivId]);
    await upsertPapers([{ ...renamed, version: 2, title: "QuorbleFormer: a study of sparkle" }]);
    expect(ids(await search("glimmer", { literal: "1" }))).toEqual([]);
    expect(ids(await search("quorble former", { literal: "1" }))).toEqual([renamed.arxivId]);
    expect(ids(await search("sparkle", { literal: "1" }))).toEqual([renamed.arxivId]);
  });
});
