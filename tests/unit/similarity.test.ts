import { describe, expect, it } from "vitest";

import { logOdds, trainReaderModel } from "@/lib/recommend/reader-model";
import { documentTerms, isContentTerm } from "@/lib/similarity/document-terms";
import { cosine, isSimilar, vectorMap, weighTerms, type DocumentVector } from "@/lib/similarity/document-vector";
import { sharedTermLabels } from "@/lib/similarity/shared-term-labels";

const paper = (title: string, abstract: string, authors: string[] = [], categories: string[] = []) => ({
  title,
  abstract,
  authors,
  categories,
});

describe("documentTerms", () => {
  const terms = documentTerms(
    paper(
      "Learning from Human Feedback",
      "We propose pre-trained reward models. Human feedback trains pretrained models; human feedback helps.",
      ["Zoë Müller"],
      ["cs.LG"],
    ),
  );

  it("stems words, drops stop words and boilerplate, and joins hyphenated words", () => {
    expect(terms.get("feedback")?.count).toBe(4); // twice in the title (counted double), twice in the abstract
    expect(terms.has("we")).toBe(false);
    expect(terms.has("propos")).toBe(false);
    expect(terms.get("pretrain")?.count).toBe(2);
    expect(terms.get("pretrain")?.label).toBe("pre-trained");
  });

  it("keeps title pairs and repeated abstract pairs, never pairs across punctuation or stop words", () => {
    expect(terms.get("human feedback")?.count).toBe(4);
    expect(terms.get("human feedback")?.label).toBe("human feedback");
    expect(terms.has("reward model")).toBe(false); // once in the abstract
    expect(terms.has("model human")).toBe(false); // a full stop stands between
  });

  it("adds authors and categories as terms of their own", () => {
    expect(terms.get("author:zoe muller")?.label).toBe("Zoë Müller");
    expect(terms.has("category:cs.lg")).toBe(true);
  });
});

describe("weighTerms and isSimilar", () => {
  const df = new Map([
    ["graph", 50],
    ["agent", 40],
    ["theorem", 3],
    ["lean", 3],
    ["unique", 1],
  ]);
  const vector = (counts: Record<string, number>) =>
    weighTerms(new Map(Object.entries(counts).map(([term, count]) => [term, { count, label: term }])), (term) => df.get(term) ?? 1, 100);

  it("makes unit vectors whose shared rare terms weigh more than shared common ones", () => {
    const a = vector({ theorem: 2, lean: 1, graph: 1, unique: 3 });
    expect(Math.hypot(...a.weights)).toBeCloseTo(1, 6);
    expect(a.terms.indexOf("theorem")).toBeLessThan(a.terms.indexOf("graph"));
  });

  it("puts terms no other paper has after shared ones when it must cut", () => {
    const cut = weighTerms(
      new Map([
        ["unique", { count: 5, label: "unique" }],
        ["graph", { count: 1, label: "graph" }],
      ]),
      (term) => df.get(term) ?? 1,
      100,
      1,
    );
    expect(cut.terms).toEqual(["graph"]);
  });

  it("never lets one shared word carry a match", () => {
    const one = cosine(vectorMap(vector({ agent: 3, unique: 1 })), vector({ agent: 3 }));
    expect(one.score).toBeGreaterThan(0.05);
    expect(isSimilar(one, isContentTerm)).toBe(false);
    const two = cosine(vectorMap(vector({ theorem: 2, lean: 2, graph: 1 })), vector({ theorem: 1, lean: 1, agent: 1 }));
    expect(isSimilar(two, isContentTerm)).toBe(true);
  });
});

describe("sharedTermLabels", () => {
  it("shows content terms, strongest first, without repeating a word already shown in a pair", () => {
    const shared = ["human feedback", "author:ada", "human", "reward", "feedback", "policy", "preference"].map((term) => ({ term }));
    expect(sharedTermLabels(shared, (entry) => entry.term)).toEqual(["human feedback", "reward", "policy", "preference"]);
  });
});

describe("trainReaderModel", () => {
  const v = (weights: Record<string, number>): DocumentVector => {
    const norm = Math.hypot(...Object.values(weights));
    return { terms: Object.keys(weights), weights: Object.values(weights).map((weight) => weight / norm) };
  };
  const liked = [v({ theorem: 2, lean: 1, proof: 1 }), v({ theorem: 1, proof: 2, formal: 1 })];
  const background = [v({ image: 2, pixel: 1 }), v({ speech: 1, audio: 2 }), v({ graph: 1, node: 1 }), v({ proof: 1, image: 2 })];

  it("scores papers like the liked ones above the background, and a dislike lowers what resembles it", () => {
    const model = trainReaderModel({ liked, disliked: [], background });
    expect(logOdds(model, v({ theorem: 1, lean: 1 }))).toBeGreaterThan(logOdds(model, v({ audio: 1, pixel: 1 })));
    const disliking = trainReaderModel({ liked, disliked: [v({ lean: 2, formal: 1 })], background });
    expect(logOdds(disliking, v({ lean: 1, formal: 1 }))).toBeLessThan(logOdds(model, v({ lean: 1, formal: 1 })));
  });
});
