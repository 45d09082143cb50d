import { describe, expect, it } from "vitest";

import { candidateTerms, idfWeight, lookupTerms, plainQueryWords, type QueryTerm } from "@/lib/search/query-terms";

const term = (word: string, weight: number): QueryTerm => ({ word, alternatives: [], weight });

describe("plainQueryWords", () => {
  it("returns a plain query's words once each, as typed", () => {
    expect(plainQueryWords("LLM agents llm in-context")).toEqual(["LLM", "agents", "in-context"]);
  });

  it("refuses queries whose operators must stay strict", () => {
    expect(plainQueryWords('"LLM agents"')).toBeNull();
    expect(plainQueryWords("LLM OR agents")).toBeNull();
    expect(plainQueryWords("LLM or agents")).toBeNull();
    expect(plainQueryWords("reasoning -math")).toBeNull();
  });

  it("ignores punctuation alone and refuses an empty or very long query", () => {
    expect(plainQueryWords("LLM & agents")).toEqual(["LLM", "agents"]);
    expect(plainQueryWords("  ")).toBeNull();
    expect(plainQueryWords(Array.from({ length: 11 }, (_, index) => `w${index}`).join(" "))).toBeNull();
  });
});

describe("candidateTerms", () => {
  it("takes the rarest terms until the others together cannot reach the coverage", () => {
    const terms = [term("learning", 0.5), term("agents", 3), term("llm", 1)];
    expect(candidateTerms(terms, 0.5).map((t) => t.word)).toEqual(["agents"]);
    expect(candidateTerms(terms, 0.2).map((t) => t.word)).toEqual(["agents", "llm"]);
  });

  it("takes one term when all must be there: a match holds it anyway", () => {
    expect(candidateTerms([term("a", 1), term("b", 1)], 1)).toHaveLength(1);
  });
});

describe("lookupTerms", () => {
  const papers = 1_000_000;
  const held = (word: string, holders: number) => term(word, idfWeight(holders, papers));

  it("gives the index the rarest term and tests the common ones on what it finds", () => {
    const terms = [held("llm", 850_000), held("agents", 67_000)];
    expect(lookupTerms(terms)?.map((t) => t.word)).toEqual(["agents"]);
  });

  it("looks up every rare term: each paper it rules out is a vector not read", () => {
    const terms = [held("llm", 850_000), held("planning", 60_000), held("agents", 67_000), held("tools", 40_000)];
    expect(lookupTerms(terms)?.map((t) => t.word)).toEqual(["tools", "planning", "agents"]);
    expect(lookupTerms([held("quixotic", 12), held("agents", 67_000), held("llm", 850_000)])?.map((t) => t.word)).toEqual([
      "quixotic",
      "agents",
    ]);
  });

  it("looks up no term held by many papers: each would find too many to test", () => {
    const terms = [held("llm", 850_000), held("math", 800_000), held("reward", 300_000), held("rl", 400_000), held("reasoning", 770_000)];
    expect(lookupTerms(terms)).toBeNull();
  });

  it("is null when the index would look up every term anyway", () => {
    expect(lookupTerms([held("agents", 67_000), held("tools", 40_000)])).toBeNull();
    expect(lookupTerms([held("agents", 67_000)])).toBeNull();
  });
});

describe("idfWeight", () => {
  it("weighs rare words more and an unknown word most", () => {
    expect(idfWeight(1_000, 1_000)).toBeLessThan(idfWeight(10, 1_000));
    expect(idfWeight(0, 1_000)).toBeGreaterThan(idfWeight(10, 1_000));
  });
});
