import { describe, expect, it } from "vitest";

import { bestFirst } from "@/lib/recommend/best-first";
import { createLikedPapers, similarLiked } from "@/lib/recommend/liked-papers";
import { indexLiked } from "@/lib/recommend/nearest-liked";
import { indexPapers } from "@/lib/recommend/reader-scorer";
import { documentTerms, isContentTerm } from "@/lib/similarity/document-terms";
import { cosine, isSimilar, weighTerms } from "@/lib/similarity/document-vector";
import { syntheticCorpus } from "@/bench/eval/synthetic-topics";

/** The evaluation's synthetic corpus as the similarity index weighs it, its terms as vocabulary ids. */
function corpus() {
  const papers = syntheticCorpus();
  const terms = papers.map((paper) => documentTerms(paper));
  const papersWithTerm = new Map<string, number>();
  for (const paper of terms) for (const term of paper.keys()) papersWithTerm.set(term, (papersWithTerm.get(term) ?? 0) + 1);
  const vocabulary = [...papersWithTerm.keys()];
  const ids = new Map(vocabulary.map((term, id) => [term, id]));
  return {
    isContent: (term: number) => isContentTerm(vocabulary[term]!),
    papers: papers.map((paper, index) => {
      const vector = weighTerms(terms[index]!, (term) => papersWithTerm.get(term) ?? 0, papers.length);
      return {
        subtopic: paper.topic * 10 + paper.subtopic,
        vector: { terms: vector.terms.map((term) => ids.get(term)!), weights: vector.weights },
      };
    }),
  };
}

describe("bestFirst", () => {
  it("gives the items in sorted order, one at a time", () => {
    const values = Array.from({ length: 500 }, (_, index) => (index * 7919) % 97);
    const before = (a: number, b: number) => values[a]! > values[b]! || (values[a] === values[b] && a > b);
    const sorted = values.map((_, index) => index).sort((a, b) => values[b]! - values[a]! || b - a);
    expect([...bestFirst(sorted.toReversed(), before)]).toEqual(sorted);
    const firstTen: number[] = [];
    for (const index of bestFirst(
      values.map((_, index) => index),
      before,
    ))
      if (firstTen.push(index) === 10) break;
    expect(firstTen).toEqual(sorted.slice(0, 10));
    expect([...bestFirst([], before)]).toEqual([]);
  });
});

describe("similarLiked", () => {
  const { papers, isContent } = corpus();
  const window = papers.filter((_, index) => index % 3 === 0);
  const library = papers.filter((paper, index) => index % 3 !== 0 && [0, 11, 32].includes(paper.subtopic)).slice(0, 20);
  // A paper liked twice over (two versions with one vector) ties with itself everywhere: the first wins.
  const liked = [...library, library[4]!].map((paper) => paper.vector);

  /** As the digest said why before it kept liked papers: every liked paper sharing terms, closest first by cosine(), the first two similar. */
  function straightforward(paper: (typeof window)[number]) {
    const maps = liked.map((vector) => new Map(vector.terms.map((term, position) => [term, vector.weights[position]!])));
    return indexLiked(liked)
      .matches(paper.vector)
      .filter((match) => isSimilar(cosine(maps[match.liked]!, paper.vector), isContent))
      .slice(0, 2)
      .map((match) => match.liked);
  }

  it("names the liked papers nearest-liked ranks first and isSimilar accepts, whether worked out afresh or kept", () => {
    const index = indexPapers(window.map((paper) => paper.vector));
    const kept = createLikedPapers(window.length, index.similarities, 100);
    const entries = () => liked.map((vector, position) => kept.get(position, vector));
    const expected = window.map(straightforward);
    expect(expected.filter((because) => because.length === 2).length).toBeGreaterThan(window.length / 10);
    expect(expected.some((because) => because.includes(4))).toBe(true);
    for (const round of [entries(), entries()]) {
      expect(window.map((paper, at) => similarLiked(round, at, paper.vector, isContent, 2))).toEqual(expected);
    }
  });
});
