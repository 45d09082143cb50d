import { describe, expect, it } from "vitest";

import { evaluateSearch, judgedSearchQueries } from "../../bench/eval/search";

// Floors a little under what `npm run eval` measured (bench/results/eval-*.md), so a change that
// makes search find less on the judged queries fails here before anyone sees it.
const RECALL_FLOOR = 0.92;
const NDCG_FLOOR = 0.9;

describe("search relevance on the judged queries", () => {
  it("judges at least 50 queries of every kind a researcher types", () => {
    const queries = judgedSearchQueries();
    expect(queries.length).toBeGreaterThanOrEqual(50);
    expect(new Set(queries.map((query) => query.kind))).toEqual(
      new Set(["keywords", "question", "acronym", "misspelling", "author", "phrase", "phrase-like"]),
    );
  });

  it(`keeps recall@10 ≥ ${RECALL_FLOOR} and nDCG@10 ≥ ${NDCG_FLOOR}`, async () => {
    const { recall, ndcg } = await evaluateSearch();
    expect(recall).toBeGreaterThanOrEqual(RECALL_FLOOR);
    expect(ndcg).toBeGreaterThanOrEqual(NDCG_FLOOR);
  });
});
