// arxiv-sanity-lite's recommender, reimplemented for comparison (its compute.py and serve.py):
// tf-idf over "title summary authors" with scikit-learn's TfidfVectorizer settings — accents
// stripped, lower case, English stop words, tokens /\b[a-zA-Z_][a-zA-Z0-9_]+\b/, unigrams and
// bigrams (formed after stop words are dropped), at most 10,000 features by corpus frequency,
// min_df 5, max_df 0.5, smooth idf, sublinear tf, l2 norm — and a LinearSVC (squared hinge, L2,
// C = 0.01, class_weight "balanced", the intercept regularised as liblinear does) trained with the
// liked papers as positives and every other paper as negatives, ranking all papers by its decision
// function.
import { foldText } from "../../lib/similarity/document-terms";
import { ENGLISH_STOP_WORDS } from "../../lib/similarity/stop-words";

export type CorpusPaper = { arxivId: string; title: string; abstract: string; authors: string[] };

const MAX_FEATURES = 10_000;
const MIN_DF = 5;
const MAX_DF = 0.5;
const C = 0.01;
const ITERATIONS = 400;

type SparseRow = { columns: Int32Array; values: Float64Array };

function tokens(text: string): string[] {
  const words = foldText(text).match(/\b[a-z_][a-z0-9_]+\b/g) ?? [];
  const kept = words.filter((word) => !ENGLISH_STOP_WORDS.has(word));
  return [...kept, ...kept.slice(1).map((word, index) => `${kept[index]} ${word}`)];
}

/** The recipe's tf-idf matrix: one l2-normalised sparse row per paper. */
export function arxivSanityFeatures(papers: CorpusPaper[]): SparseRow[] {
  const counts = papers.map((paper) => {
    const tally = new Map<string, number>();
    for (const token of tokens(`${paper.title} ${paper.abstract} ${paper.authors.join(" ")}`))
      tally.set(token, (tally.get(token) ?? 0) + 1);
    return tally;
  });
  const df = new Map<string, number>();
  const total = new Map<string, number>();
  for (const tally of counts) {
    for (const [term, count] of tally) {
      df.set(term, (df.get(term) ?? 0) + 1);
      total.set(term, (total.get(term) ?? 0) + count);
    }
  }
  const n = papers.length;
  const vocabulary = [...df]
    .filter(([, papersWithTerm]) => papersWithTerm >= MIN_DF && papersWithTerm <= MAX_DF * n)
    .map(([term]) => term)
    .sort((a, b) => total.get(b)! - total.get(a)! || (a < b ? -1 : 1))
    .slice(0, MAX_FEATURES);
  const column = new Map(vocabulary.map((term, index) => [term, index]));
  return counts.map((tally) => {
    const entries = [...tally]
      .filter(([term]) => column.has(term))
      .map(([term, count]) => [column.get(term)!, (1 + Math.log(count)) * (Math.log((1 + n) / (1 + df.get(term)!)) + 1)] as const);
    const norm = Math.hypot(...entries.map(([, value]) => value)) || 1;
    return {
      columns: Int32Array.from(entries.map(([index]) => index)),
      values: Float64Array.from(entries.map(([, value]) => value / norm)),
    };
  });
}

/**
 * The LinearSVC primal, 0.5‖(w, b)‖² + C Σ cᵢ max(0, 1 − yᵢ(w·xᵢ + b))² with balanced class weights
 * cᵢ = n / (2 nᵧ), minimised by Nesterov-accelerated gradient descent (the objective is smooth and
 * strongly convex); returns the decision function of every row.
 */
export function linearSvcScores(rows: SparseRow[], positive: Set<number>): number[] {
  const n = rows.length;
  const features = Math.max(0, ...rows.map((row) => Math.max(-1, ...row.columns))) + 2;
  const bias = features - 1;
  const classWeight = (isPositive: boolean) => n / (2 * (isPositive ? positive.size : n - positive.size));
  // Lipschitz constant of the gradient: 1 + 2C Σ cᵢ ‖(xᵢ, 1)‖² = 1 + 2C · n · 2.
  const step = 1 / (1 + 4 * C * n);
  let weights = new Float64Array(features);
  let previous = new Float64Array(features);
  const ahead = new Float64Array(features);
  const gradient = new Float64Array(features);
  for (let iteration = 1; iteration <= ITERATIONS; iteration++) {
    const momentum = (iteration - 1) / (iteration + 2);
    for (let j = 0; j < features; j++) ahead[j] = weights[j]! + momentum * (weights[j]! - previous[j]!);
    gradient.set(ahead);
    rows.forEach((row, index) => {
      const label = positive.has(index) ? 1 : -1;
      let margin = ahead[bias]!;
      for (let k = 0; k < row.columns.length; k++) margin += ahead[row.columns[k]!]! * row.values[k]!;
      const slack = 1 - label * margin;
      if (slack <= 0) return;
      const factor = -2 * C * classWeight(label === 1) * slack * label;
      for (let k = 0; k < row.columns.length; k++) gradient[row.columns[k]!]! += factor * row.values[k]!;
      gradient[bias]! += factor;
    });
    [previous, weights] = [weights, previous];
    for (let j = 0; j < features; j++) weights[j] = ahead[j]! - step * gradient[j]!;
  }
  return rows.map((row) => {
    let score = weights[bias]!;
    for (let k = 0; k < row.columns.length; k++) score += weights[row.columns[k]!]! * row.values[k]!;
    return score;
  });
}
