import { describe, expect, it } from "vitest";

import { createMatchStrengths } from "@/lib/digest/match-strengths";
import { AUTHOR_STRENGTH, CATEGORY_STRENGTH, keywordStrength, scoreOf } from "@/lib/digest/rank-papers";
import type { FreshPaper, Topic, TopicHit } from "@/lib/digest/topic-matcher";

const HOUR = 3_600_000;
const papers = new Map<number, FreshPaper>([
  [1, { createdAt: 10 * HOUR, heat: 0 }],
  [2, { createdAt: 20 * HOUR, heat: 7 }],
  [3, { createdAt: 30 * HOUR, heat: 2 }],
  // Arrived before everyone's window.
  [4, { createdAt: 1 * HOUR, heat: 7 }],
]);
const diffusion: Topic = { kind: "keyword", value: "diffusion" };
const lecun: Topic = { kind: "author", value: "Yann LeCun" };
const csLG: Topic = { kind: "category", value: "cs.LG" };
const hits: Record<string, TopicHit[]> = {
  diffusion: [
    { paperId: 1, textRank: 0.5 },
    { paperId: 4, textRank: 0.9 },
  ],
  "Yann LeCun": [{ paperId: 1, textRank: 0 }],
  "cs.LG": [1, 2, 3, 4].map((paperId) => ({ paperId, textRank: 0 })),
};
const topics = (...list: Topic[]) => list.map((topic) => ({ topic, key: `${topic.kind}:${topic.value}`, hits: hits[topic.value]! }));
const window = { from: 5 * HOUR, to: 40 * HOUR };

describe("match strengths", () => {
  it("adds up every topic a paper matched and ranks by the sum, with heat", () => {
    const strengths = createMatchStrengths(papers);
    const { matched, ranked } = strengths.rank(topics(diffusion, lecun, csLG), window, 10);
    expect(matched).toBe(3);
    expect(ranked).toEqual([
      { paperId: 1, score: scoreOf(keywordStrength(0.5) + AUTHOR_STRENGTH + CATEGORY_STRENGTH, 0) },
      { paperId: 2, score: scoreOf(CATEGORY_STRENGTH, 7) },
      { paperId: 3, score: scoreOf(CATEGORY_STRENGTH, 2) },
    ]);
  });

  it("counts only papers that arrived inside the subscriber's window", () => {
    const strengths = createMatchStrengths(papers);
    expect(strengths.rank(topics(csLG), { from: 15 * HOUR, to: 25 * HOUR }, 10).ranked.map((paper) => paper.paperId)).toEqual([2]);
    expect(strengths.rank(topics(csLG), { from: 0, to: 40 * HOUR }, 10).matched).toBe(4);
  });

  it("starts every subscriber from nothing, whoever was ranked before", () => {
    const strengths = createMatchStrengths(papers);
    strengths.rank(topics(diffusion, lecun, csLG), window, 10);
    expect(strengths.rank(topics(csLG), window, 1)).toEqual({ matched: 3, ranked: [{ paperId: 2, score: scoreOf(CATEGORY_STRENGTH, 7) }] });
    expect(strengths.rank(topics(diffusion), window, 10).ranked).toEqual([{ paperId: 1, score: scoreOf(keywordStrength(0.5), 0) }]);
  });

  it("keeps ranking right as it meets more papers than it first made room for", () => {
    const many = new Map(Array.from({ length: 3_000 }, (_, index) => [index + 1, { createdAt: 10 * HOUR, heat: index % 7 }] as const));
    const strengths = createMatchStrengths(many);
    const everything: Topic = { kind: "category", value: "cs.AI" };
    const all = [...many.keys()].map((paperId) => ({ paperId, textRank: 0 }));
    const { matched, ranked } = strengths.rank([{ topic: everything, key: "category:cs.AI", hits: all }], window, 2);
    expect(matched).toBe(3_000);
    expect(ranked.map((paper) => paper.paperId)).toEqual([2_996, 2_989]);
  });
});
