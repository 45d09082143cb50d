import { describe, expect, it } from "vitest";

import { logOdds, trainReaderModel, type ReaderModel } from "@/lib/recommend/reader-model";
import { createReaderScorer, indexPapers, NEAREST_LIKED_WEIGHT } from "@/lib/recommend/reader-scorer";
import { documentTerms } from "@/lib/similarity/document-terms";
import { cosine, vectorMap, weighTerms } from "@/lib/similarity/document-vector";
import { syntheticCorpus } from "@/bench/eval/synthetic-topics";

/** The evaluation's synthetic corpus (topics, subtopics, Zipf-like general words) as the similarity index weighs it. */
function corpus() {
  const papers = syntheticCorpus();
  const terms = papers.map((paper) => documentTerms(paper));
  const papersWithTerm = new Map<string, number>();
  for (const paper of terms) for (const term of paper.keys()) papersWithTerm.set(term, (papersWithTerm.get(term) ?? 0) + 1);
  return papers.map((paper, index) => ({
    id: index + 1,
    subtopic: paper.topic * 10 + paper.subtopic,
    vector: weighTerms(terms[index]!, (term) => papersWithTerm.get(term) ?? 0, papers.length),
  }));
}

describe("createReaderScorer", () => {
  const papers = corpus();
  const background = papers.filter((paper) => paper.id % 5 === 0);

  /** Each candidate's log-odds plus 5 × its cosine with every liked paper, the closest kept: as the scorer scored before it indexed the library. */
  function straightforward(model: ReaderModel<string>, liked: typeof papers, candidates: typeof papers) {
    const likedMaps = liked.map((paper) => vectorMap(paper.vector));
    return candidates.map(
      (paper) =>
        logOdds(model, paper.vector) + NEAREST_LIKED_WEIGHT * Math.max(0, ...likedMaps.map((map) => cosine(map, paper.vector).score)),
    );
  }
  const ranking = (candidates: typeof papers, scores: number[]) =>
    candidates
      .map((paper, index) => ({ id: paper.id, score: scores[index]! }))
      .sort((a, b) => b.score - a.score || b.id - a.id)
      .map((entry) => entry.id);

  const libraries: [name: string, subtopics: number[], size: number][] = [
    ["a 20-paper library of three subtopics", [0, 11, 32], 20],
    ["a 300-paper library of every topic", Array.from({ length: 40 }, (_, index) => Math.floor(index / 4) * 10 + (index % 4)), 300],
  ];
  for (const [name, subtopics, size] of libraries) {
    it(`scores and ranks as the straightforward computation does, one paper at a time or over an index, for ${name}`, () => {
      const liked = papers.filter((paper) => paper.id % 5 !== 0 && subtopics.includes(paper.subtopic)).slice(0, size);
      const own = new Set(liked.map((paper) => paper.id));
      const candidates = papers.filter((paper) => paper.id % 5 !== 0 && !own.has(paper.id));
      const model = trainReaderModel({
        liked: liked.map((paper) => paper.vector),
        disliked: [],
        background: background.map((paper) => paper.vector),
      });
      const scorer = createReaderScorer(
        model,
        liked.map((paper) => paper.vector),
      );
      const expected = straightforward(model, liked, candidates);
      const scores = scorer.score(candidates.map((paper) => paper.vector));
      scores.forEach((score, index) => expect(score).toBeCloseTo(expected[index]!, 9));
      expect(ranking(candidates, scores)).toEqual(ranking(candidates, expected));
      // The digest's way, over an inverted list of the candidates: the same scores.
      const index = indexPapers(candidates.map((paper) => paper.vector));
      const indexed = [
        ...index.score(
          { terms: [...model.weights.keys()], weights: [...model.weights.values()], bias: model.bias },
          liked.map((paper) => index.similarities(paper.vector)),
        ),
      ];
      indexed.forEach((score, index) => expect(score).toBeCloseTo(expected[index]!, 9));
      expect(ranking(candidates, indexed)).toEqual(ranking(candidates, expected));
      // For you's way, the closest liked papers worked out in one pass each: the same sums as the
      // digest's, and the same two closest as the scorer names.
      const nearest = index.nearest(liked.map((paper) => paper.vector));
      const closest = index.score({ terms: [...model.weights.keys()], weights: [...model.weights.values()], bias: model.bias }, [
        nearest.closest,
      ]);
      expect([...closest]).toEqual(indexed);
      candidates.forEach((paper, at) => {
        const named = scorer
          .nearest(paper.vector)
          .slice(0, 2)
          .map((match) => match.liked);
        expect([nearest.first[at], nearest.second[at]].filter((place) => place! >= 0)).toEqual(named);
      });
    });
  }
});
