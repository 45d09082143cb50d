import { describe, expect, it } from "vitest";

import {
  AUTHOR_STRENGTH,
  CATEGORY_STRENGTH,
  keywordStrength,
  paperHeat,
  pickTrending,
  rankPapers,
  rankSums,
  type Candidate,
  type TopicMatch,
} from "@/lib/digest/rank-papers";
import { trendingScore } from "@/lib/papers/trending-score";

const author = (label: string, position = 0): TopicMatch => ({ kind: "author", label, position, strength: AUTHOR_STRENGTH });
const category = (label: string, position = 0): TopicMatch => ({ kind: "category", label, position, strength: CATEGORY_STRENGTH });
const keyword = (label: string, rank: number, position = 0): TopicMatch => ({
  kind: "keyword",
  label,
  position,
  strength: keywordStrength(rank),
});
const candidate = (paperId: number, heat: number, ...matches: TopicMatch[]): Candidate => ({ paperId, heat, matches });
const ids = (ranked: { paperId: number }[]) => ranked.map((paper) => paper.paperId);

describe("digest ranking", () => {
  it("ranks a followed author above a hot paper that only shares a category", () => {
    const ranked = rankPapers([candidate(1, 7, category("cs.LG")), candidate(2, 0, author("Yann LeCun"))], new Set(), 10);
    expect(ids(ranked)).toEqual([2, 1]);
  });

  it("ranks a paper matching two topics above better text matches of one", () => {
    const ranked = rankPapers(
      [
        candidate(1, 0, keyword("diffusion", 0.1)),
        candidate(2, 0, keyword("diffusion", 0.05), category("cs.CV")),
        candidate(3, 0, keyword("diffusion", 0.2)),
      ],
      new Set(),
      10,
    );
    expect(ids(ranked)).toEqual([2, 3, 1]);
  });

  it("lets trending decide between equally good matches, and a better text match beat trending", () => {
    expect(ids(rankPapers([candidate(1, 1, category("cs.LG")), candidate(2, 5, category("cs.LG"))], new Set(), 10))).toEqual([2, 1]);
    expect(ids(rankPapers([candidate(1, 0, keyword("gan", 0.9)), candidate(2, 7, keyword("gan", 0.05))], new Set(), 10))).toEqual([1, 2]);
  });

  it("merges a paper found through several topics and says why, in the subscriber's order", () => {
    const ranked = rankPapers(
      [candidate(7, 0, author("Yann LeCun", 2)), candidate(7, 0, keyword("diffusion", 0.2, 0)), candidate(7, 0, author("Yann LeCun", 2))],
      new Set(),
      10,
    );
    expect(ranked).toHaveLength(1);
    expect(ranked[0]!.matchedTerms).toEqual(["diffusion", "Yann LeCun"]);
    expect(ranked[0]!.score).toBeCloseTo(AUTHOR_STRENGTH + keywordStrength(0.2));
  });

  it("never includes a paper already sent, and stops at the subscriber's maximum", () => {
    const candidates = [1, 2, 3, 4, 5].map((id) => candidate(id, id, category("cs.LG")));
    expect(ids(rankPapers(candidates, new Set([5, 3]), 2))).toEqual([4, 2]);
    expect(rankPapers(candidates, new Set(), 0)).toEqual([]);
  });

  it("picks the same few best out of hundreds as a full ranking would", () => {
    const many = Array.from({ length: 500 }, (_, index) =>
      candidate(index + 1, (index * 37) % 11, index % 3 === 0 ? author("A") : keyword("k", ((index * 53) % 100) / 100)),
    );
    const full = rankPapers(many, new Set(), 500);
    expect(full).toHaveLength(500);
    expect(rankPapers(many, new Set(), 13)).toEqual(full.slice(0, 13));
  });

  it("ranks summed strengths exactly as it ranks the topics they came from", () => {
    const many = Array.from({ length: 300 }, (_, index) =>
      candidate(index + 1, (index * 37) % 11, index % 3 === 0 ? author("A") : keyword("k", ((index * 53) % 100) / 100)),
    );
    // Slots in another order than the papers', and two slots holding no sum (papers 5 and 9).
    const inSlots = many.toReversed();
    const sums = Float64Array.from(inSlots, (each) => each.matches[0]!.strength);
    const held = inSlots.flatMap((each, slot) => (each.paperId === 5 || each.paperId === 9 ? [] : [slot]));
    const slots = Int32Array.from([...held, 0, 0]);
    const input = {
      sums,
      slots,
      count: held.length,
      paperIds: inSlots.map((each) => each.paperId),
      heats: inSlots.map((each) => each.heat),
    };
    const expected = rankPapers(many, new Set([5, 9]), 12).map(({ paperId, score }) => ({ paperId, score }));
    expect(rankSums(input, 12)).toEqual(expected);
    expect(rankSums(input, Number.POSITIVE_INFINITY)).toEqual(
      rankPapers(many, new Set([5, 9]), 500).map(({ paperId, score }) => ({ paperId, score })),
    );
  });

  it("measures heat from today, so yesterday's paper needs more votes to be as hot", () => {
    expect(paperHeat(trendingScore(0, "2026-11-25"), "2026-11-25")).toBeCloseTo(0);
    expect(paperHeat(trendingScore(15, "2026-11-25"), "2026-11-25")).toBeCloseTo(4);
    expect(paperHeat(trendingScore(15, "2026-11-23"), "2026-11-25")).toBeCloseTo(3);
  });
});

describe("trending picks", () => {
  it("takes the hottest papers not in the digest and not sent before", () => {
    const trending = [
      { paperId: 1, heat: 3 },
      { paperId: 2, heat: 9 },
      { paperId: 3, heat: 5 },
      { paperId: 4, heat: 4 },
    ];
    expect(pickTrending(trending, new Set([2]), 2)).toEqual([3, 4]);
  });
});
