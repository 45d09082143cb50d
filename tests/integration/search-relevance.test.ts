import { describe, expect, it } from "vitest";

import { searchPapers } from "@/lib/search/search-papers";
import { searchQuerySchema } from "@/lib/search/search-query";

async function topThree(q: string): Promise<string[]> {
  const result = await searchPapers(searchQuerySchema.parse({ q, limit: "3" }));
  return result.papers.map((paper) => paper.arxivId);
}

// Searches people make on the 81 seed papers, and a paper each must put in the top three.
const CASES: [query: string, expected: string, why: string][] = [
  ["transformers", "2310.03016", "a plural finds the singular in a title"],
  ["G-ACIL", "2403.15706", "a method's name"],
  ["exemplar-free class incremental learning", "2403.15706", "a paraphrase of the title"],
  ["what algorithm does in-context learning implement", "2211.15661", "a question in the title's words"],
  ["theorem proving", "2405.14333", "a field: DeepSeek-Prover"],
  ["theorem proving", "2410.06209", "a field: LeanAgent"],
  ["symbolic regression", "2305.14656", "a method family: RSRM"],
  ["learning to summarize from human feedback", "2009.01325", "a title typed from memory"],
  ["Nash equilibrium preference model", "2312.00886", "what the abstract is about"],
  ["Kirsch", "2212.04458", "an author's surname"],
  ["Schölkopf", "2406.04344", "an author with an accent"],
  ["scholkopf", "2406.04344", "the same author typed without the accent"],
  ["scaling laws", "2403.06563", "plural and singular of a title's words"],
  ["AUROC AUPRC", "2401.06091", "acronyms from a title"],
  ["knowledge tracing", "2403.13179", "a phrase from a title"],
  ["RLHF reward modeling", "2405.07863", "an acronym plus a title's words"],
  ["competition-level math dataset", "2401.06961", "CHAMP described in other words"],
  ["memorization long tail", "1906.05271", "a title's key words out of order"],
  ["teacher hacking", "2502.02671", "a new term coined by the paper"],
  ["Z-loss", "1604.08859", "a hyphenated name"],
  ["Tulu 3", "2411.15124", "TÜLU typed without the umlaut"],
  ["Hebbian", "2212.00606", "a rare word"],
  ["heart failure electronic health records", "1602.03686", "an application area"],
  ["self-supervised video representation", "1904.03597", "a method and a medium"],
];

describe("relevance on the seed corpus", () => {
  it.each(CASES)("%s → %s in the top three (%s)", async (query, expected) => {
    expect(await topThree(query)).toContain(expected);
  });

  it("ranks a title match above papers that only mention the word in the abstract", async () => {
    const result = await searchPapers(searchQuerySchema.parse({ q: "prompting" }));
    expect(result.papers[0]?.arxivId).toBe("2107.13586");
    const ranks = result.papers.map((paper) => paper.rank ?? -1);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
  });
});
