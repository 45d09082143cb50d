import { describe, expect, it } from "vitest";

import { explainingTerms } from "@/lib/recommend/explaining-terms";
import { indexLiked } from "@/lib/recommend/nearest-liked";
import { logOdds, packModel, trainReaderModel, type ReaderModel, type SparseVector } from "@/lib/recommend/reader-model";
import { indexPapers } from "@/lib/recommend/reader-scorer";
import { seededRandom } from "@/bench/eval/synthetic-topics";

/** Unit-length sparse vectors over term ids, clustered like papers: each draws most terms from its cluster's range. */
function papers(count: number, cluster: number, seed: number): SparseVector<number>[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const weights = new Map<number, number>();
    for (let i = 0; i < 30; i++) {
      const term = random() < 0.4 ? cluster * 100 + Math.floor(random() * 100) : 1000 + Math.floor(random() * 400);
      weights.set(term, (weights.get(term) ?? 0) + random());
    }
    const norm = Math.hypot(...weights.values());
    return { terms: [...weights.keys()], weights: [...weights.values()].map((weight) => weight / norm) };
  });
}

/** The primal objective, (l2/2)‖(w, b)‖² + Σ cᵢ log(1 + exp(−yᵢ (w·xᵢ + b))), and the norm of its gradient. */
function primal(model: ReaderModel<number>, examples: { vector: SparseVector<number>; label: number; weight: number }[], l2: number) {
  const gradient = new Map([...model.weights].map(([term, weight]) => [term, l2 * weight]));
  let biasGradient = l2 * model.bias;
  let objective = (l2 / 2) * Math.hypot(...model.weights.values(), model.bias) ** 2;
  for (const { vector, label, weight } of examples) {
    const margin = logOdds(model, vector);
    objective += weight * Math.log1p(Math.exp(-label * margin));
    const error = (-weight * label) / (1 + Math.exp(label * margin));
    vector.terms.forEach((term, position) => gradient.set(term, gradient.get(term)! + error * vector.weights[position]!));
    biasGradient += error;
  }
  return { objective, gradient: Math.hypot(...gradient.values(), biasGradient) };
}

const ranking = (model: ReaderModel<number>, vectors: SparseVector<number>[]) =>
  vectors
    .map((vector, index) => ({ index, score: logOdds(model, vector) }))
    .sort((a, b) => b.score - a.score)
    .map((entry) => entry.index);

describe("trainReaderModel (dual coordinate descent)", () => {
  const liked = papers(12, 0, 1);
  const background = [...papers(60, 1, 2), ...papers(60, 2, 3)];
  const l2 = 1e-3;
  const examples = [
    ...liked.map((vector) => ({ vector, label: 1, weight: 0.5 / liked.length })),
    ...background.map((vector) => ({ vector, label: -1, weight: 0.5 / background.length })),
  ];

  const unseen = [...papers(20, 0, 7), ...papers(20, 1, 8), ...papers(20, 3, 9)];

  it("converges: a tight solve reaches the optimum, and the default tolerance ranks new papers as it does", () => {
    const tight = trainReaderModel({ liked, disliked: [], background }, { l2, tolerance: 1e-4 });
    const zero: ReaderModel<number> = { weights: new Map([...tight.weights.keys()].map((term) => [term, 0])), bias: 0 };
    expect(primal(tight, examples, l2).gradient).toBeLessThan(0.01 * primal(zero, examples, l2).gradient);
    const model = trainReaderModel({ liked, disliked: [], background }, { l2 });
    expect(primal(model, examples, l2).objective).toBeLessThan(1.02 * primal(tight, examples, l2).objective);
    expect(ranking(model, unseen).slice(0, 10)).toEqual(ranking(tight, unseen).slice(0, 10));
    expect(
      ranking(model, unseen)
        .slice(0, 10)
        .every((index) => index < 20),
    ).toBe(true);
  });

  it("balances the classes: repeating every negative, or every positive, leaves the model as it was", () => {
    const train = (set: Parameters<typeof trainReaderModel<number>>[0]) => trainReaderModel(set, { tolerance: 1e-4 });
    const model = train({ liked, disliked: [], background });
    const twiceTheNegatives = train({ liked, disliked: [], background: [...background, ...background] });
    const twiceThePositives = train({ liked: [...liked, ...liked], disliked: [], background });
    // Unbalanced, doubling a class would move the bias by about ln 2.
    for (const other of [twiceTheNegatives, twiceThePositives]) {
      expect(Math.abs(other.bias - model.bias)).toBeLessThan(0.05);
      for (const [term, weight] of model.weights) expect(Math.abs(other.weights.get(term)! - weight)).toBeLessThan(0.05);
    }
  });

  it("trains the same model for the same papers, and a disliked paper weighs more than a background one", () => {
    const model = trainReaderModel({ liked, disliked: [], background });
    expect(trainReaderModel({ liked, disliked: [], background })).toEqual(model);
    const [rejected, ...rest] = background;
    const asDisliked = trainReaderModel({ liked, disliked: [rejected!], background: rest });
    expect(logOdds(asDisliked, rejected!)).toBeLessThan(logOdds(model, rejected!));
  });
});

describe("trainReaderModel's compact model", () => {
  it("keeps the weights largest in magnitude, as float32, and the bias as it was", () => {
    const set = { liked: papers(12, 0, 1), disliked: [], background: [...papers(60, 1, 2), ...papers(60, 2, 3)] };
    const full = trainReaderModel(set);
    const compact = trainReaderModel(set, { keep: 100 });
    expect(compact.bias).toBe(full.bias);
    expect(compact.weights.size).toBe(100);
    const largest = [...full.weights].sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).slice(0, 100);
    expect(new Set(compact.weights.keys())).toEqual(new Set(largest.map(([term]) => term)));
    for (const [term, weight] of largest) expect(compact.weights.get(term)).toBe(Math.fround(weight));
    const all = trainReaderModel(set, { keep: full.weights.size + 1 });
    expect(all.weights).toEqual(new Map([...full.weights].map(([term, weight]) => [term, Math.fround(weight)])));
  });
});

describe("explainingTerms", () => {
  const model = trainReaderModel({ liked: papers(12, 0, 1), disliked: [], background: papers(60, 1, 2) }, { keep: 150 });
  const shown = [...papers(5, 0, 7), ...papers(5, 1, 8)];
  const expected = shown.map((paper) =>
    paper.terms
      .flatMap((term, position) =>
        model.weights.has(term) ? [{ term, contribution: model.weights.get(term)! * paper.weights[position]! }] : [],
      )
      .filter((entry) => entry.contribution > 0)
      .sort((a, b) => b.contribution - a.contribution)
      .slice(0, 4)
      .map((entry) => entry.term),
  );

  it("explains each paper by the terms of its strongest positive contributions, weight times value, largest first", () => {
    expect(shown.every((paper) => paper.terms.some((term) => !model.weights.has(term)))).toBe(true);
    expect(explainingTerms(shown, (term) => model.weights.get(term) ?? 0, 4)).toEqual(expected);
    expect(expected.some((strongest) => strongest.length === 4)).toBe(true);
    expect(expected.some((strongest) => strongest.length < 4)).toBe(true);
  });

  it("explains a window's papers alike through its index, the model's weights cleared after for the next reader", () => {
    const window = [...papers(6, 2, 9), ...shown];
    const index = indexPapers(window);
    const places = shown.map((_, place) => place + 6);
    expect(index.explain(packModel(model), places, 4)).toEqual(expected);
    const other = trainReaderModel({ liked: papers(12, 2, 3), disliked: [], background: papers(60, 1, 2) }, { keep: 150 });
    const otherExpected = explainingTerms(shown, (term) => other.weights.get(term) ?? 0, 4);
    expect(otherExpected).not.toEqual(expected);
    expect(index.explain(packModel(other), places, 4)).toEqual(otherExpected);
  });
});

describe("indexLiked", () => {
  it("gives each candidate's cosine with every liked paper it shares a term with, closest first, and the closest alone", () => {
    const liked = papers(5, 0, 4);
    const candidates = [...papers(10, 0, 5), ...papers(10, 3, 6)];
    const cosine = (a: SparseVector<number>, b: SparseVector<number>) =>
      a.terms.reduce((sum, term, i) => sum + a.weights[i]! * (b.weights[b.terms.indexOf(term)] ?? 0), 0);
    const index = indexLiked(liked);
    for (const candidate of candidates) {
      const expected = liked
        .map((vector, likedIndex) => ({ liked: likedIndex, similarity: cosine(candidate, vector) }))
        .filter((match) => match.similarity > 0)
        .sort((a, b) => b.similarity - a.similarity);
      const matches = index.matches(candidate);
      expect(matches.map((match) => match.liked)).toEqual(expected.map((match) => match.liked));
      matches.forEach((match, i) => expect(match.similarity).toBeCloseTo(expected[i]!.similarity, 12));
      expect(index.closest(candidate)).toBe(matches[0]?.similarity ?? 0);
    }
  });
});
