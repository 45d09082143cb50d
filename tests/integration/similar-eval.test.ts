import { describe, expect, it } from "vitest";

import { evaluateSimilarPapers } from "@/bench/eval/similar";

// Measured 0.842 recall@10 and 0.814 nDCG@10 on the seed (bench/results/*-similar.md); the floor
// leaves room for papers other tests add to the shared test database, not for a worse method.
const FLOOR = { recall: 0.78, ndcg: 0.76 };

describe("similar papers evaluation", () => {
  it("stays above the floor on the judged seed groups and beats the keyword method it replaced", async () => {
    const result = await evaluateSimilarPapers();
    expect(result.papers).toBe(43);
    expect(result.tfidf.recall).toBeGreaterThanOrEqual(FLOOR.recall);
    expect(result.tfidf.ndcg).toBeGreaterThanOrEqual(FLOOR.ndcg);
    expect(result.tfidf.recall).toBeGreaterThan(result.keyword.recall + 0.1);
  });
});
