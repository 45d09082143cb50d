import { afterAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { upsertPapers } from "@/lib/ingest/upsert-papers";
import { searchPapers } from "@/lib/search/search-papers";
import { searchQuerySchema } from "@/lib/search/search-query";

import { paperInput } from "../support/paper-input";

const search = (q: string, extra: Record<string, string> = {}) => searchPapers(searchQuerySchema.parse({ q, limit: "50", ...extra }));
const fullMatches = async (q: string) =>
  (await search(q)).papers
    .filter((paper) => paper.matchedAll)
    .map((paper) => paper.arxivId)
    .sort();

const added = ["2605.01001", "2605.01002"];
afterAll(async () => {
  await db.paper.deleteMany({ where: { arxivId: { in: added } } });
  await db.$executeRaw`DELETE FROM search_vocabulary WHERE short_form = 'QZW'`;
});

describe("field vocabulary", () => {
  it("is filled from the seed papers' own definitions", async () => {
    const rows = await db.$queryRaw<{ papers: number }[]>`
      SELECT papers FROM search_vocabulary WHERE short_form = 'LLM' AND long_key = phraseto_tsquery('paper_search', 'large language model')::text`;
    expect(rows[0]?.papers).toBeGreaterThanOrEqual(10);
  });

  it.each([
    ["DPO", "direct preference optimization"],
    ["math reasoning", "mathematical reasoning"],
    ["RLHF", "reinforcement learning from human feedback"],
    ["ICL", "in-context learning"],
  ])("finds with %s every paper %s finds, and the other way round", async (one, other) => {
    // The typed words of an expansion need not stand side by side; as an alternative they must.
    const ones = await fullMatches(one);
    const others = await fullMatches(other);
    expect(ones.length).toBeGreaterThan(0);
    expect(others).toEqual(expect.arrayContaining(ones));
    const phrase = (await fullMatches(`"${other}"`)).filter((id) => !ones.includes(id));
    expect(phrase).toEqual([]);
  });

  it("says what else it searched for", async () => {
    const result = await search("LLM agents");
    expect(result.alsoSearchingFor).toContain("large language model");
    // The AI Scientist says "LLM agents" only as "large language model"; LeanAgent names itself in CamelCase.
    expect(result.papers.slice(0, 2).map((paper) => paper.arxivId)).toEqual(expect.arrayContaining(["2408.06292", "2410.06209"]));
  });

  it("finds the class-incremental and lifelong papers for continual learning", async () => {
    const ids = (await search("continual learning")).papers.slice(0, 10).map((paper) => paper.arxivId);
    expect(ids).toEqual(expect.arrayContaining(["2403.15706", "2312.07887", "2410.06209", "2405.17779"]));
  });

  it("searches an acronym in both numbers", async () => {
    expect(await fullMatches("LLMs")).toEqual(await fullMatches("LLM"));
  });

  it("learns a new acronym when a paper defining it is ingested", async () => {
    await upsertPapers([
      paperInput(added[0]!, { title: "Quantum zebra walks", abstract: "We introduce quantum zebra walks (QZWs), a new process." }),
      paperInput(added[1]!, { title: "On QZW mixing", abstract: "Mixing times of QZW on graphs." }),
    ]);
    const result = await search("quantum zebra walks");
    expect(result.alsoSearchingFor).toEqual(["QZW"]);
    expect(
      result.papers
        .filter((hit) => hit.matchedAll)
        .map((hit) => hit.arxivId)
        .sort(),
    ).toEqual(added);
    // Ingesting the same papers again counts nothing twice.
    await upsertPapers([
      paperInput(added[0]!, { title: "Quantum zebra walks", abstract: "We introduce quantum zebra walks (QZWs), a new process." }),
    ]);
    const [row] = await db.$queryRaw<{ papers: number }[]>`SELECT papers FROM search_vocabulary WHERE short_form = 'QZW'`;
    expect(row?.papers).toBe(1);
  });

  it("leaves quoted phrases alone", async () => {
    const result = await search('"LLM agents"');
    expect(result.alsoSearchingFor).toEqual([]);
  });
});
