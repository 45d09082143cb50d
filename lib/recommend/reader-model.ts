/** A sparse vector: stored vectors name their terms as strings (documentTerms) or as vocabulary ids. */
export type SparseVector<Term = string> = { terms: readonly Term[]; weights: ArrayLike<number> };

/** A linear model of what one reader likes: a weight per term and a bias. */
export type ReaderModel<Term = string> = { weights: Map<Term, number>; bias: number };

/**
 * A model's terms and weights side by side (typed arrays of 16 kB for 2,000 weights, where a Map
 * of them takes about 100 kB): for scoring over an index.
 */
export type PackedModel<Term = number> = { terms: ArrayLike<Term>; weights: ArrayLike<number>; bias: number };

/** A model packed as it is stored: its terms and weights as typed arrays. */
export function packModel(model: ReaderModel<number>): { terms: Int32Array; weights: Float32Array; bias: number } {
  return { terms: Int32Array.from(model.weights.keys()), weights: Float32Array.from(model.weights.values()), bias: model.bias };
}

/** A packed model with a weight lookup by term, for scoring papers one at a time. */
export function unpackModel<Term>(model: PackedModel<Term>): ReaderModel<Term> {
  return { weights: new Map(Array.from(model.terms, (term, position) => [term, model.weights[position]!])), bias: model.bias };
}

export type TrainingSet<Term = string> = {
  liked: SparseVector<Term>[];
  disliked: SparseVector<Term>[];
  background: SparseVector<Term>[];
};

export type TrainingOptions = {
  /** The L2 penalty: small, because the examples are few and their vectors unit length. */
  l2?: number;
  /** Training stops when no dual coordinate's gradient exceeds this. */
  tolerance?: number;
  /** Keep only this many weights, those largest in magnitude, rounded to float32 as they are stored (all by default). */
  keep?: number;
};

const DEFAULT_L2 = 1e-3;
/** A paper the reader rejected says more than a background paper they never saw. */
const DISLIKED_WEIGHT = 3;
/** Half liblinear's default for this solver: ranks as a tight solve does (tests/unit/reader-model.test.ts) in a fraction of the passes, and keeps small effects (one dislike) the right way round. */
const DEFAULT_TOLERANCE = 0.05;
/** A bound that well-posed sets never reach: they converge in a few dozen passes. */
const MAX_PASSES = 200;
const MAX_NEWTON_STEPS = 100;

/**
 * Logistic regression, L2-regularised and class-balanced (liked papers weigh as much together as
 * all negatives together): min ½‖w‖² + Σ Cᵢ log(1 + exp(−yᵢ w·x̃ᵢ)) with Cᵢ = (example weight) / l2
 * and x̃ = x with a 1 for the bias, which is regularised as liblinear's is. Solved by dual coordinate
 * descent (Yu, Huang & Lin 2011, liblinear's -s 7): each pass visits every example once, in a fixed
 * shuffled order so that training is repeatable, and updates w sparsely, so a pass costs the number
 * of stored weights (~45,000 for a 500-paper library) and a few dozen passes reach the tolerance.
 */
export function trainReaderModel<Term>(set: TrainingSet<Term>, options: TrainingOptions = {}): ReaderModel<Term> {
  const l2 = options.l2 ?? DEFAULT_L2;
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  const { terms, rowStart, columns, values, labels, exampleWeights } = packExamples(set);
  const rows = labels.length;
  const bias = terms.length; // the last column
  const weights = new Float64Array(terms.length + 1);
  // Each example's two dual variables, α and C − α, kept apart to avoid cancellation near the bounds.
  const alpha = new Float64Array(2 * rows);
  const squaredNorm = new Float64Array(rows);
  const upper = new Float64Array(rows);
  for (let row = 0; row < rows; row++) {
    upper[row] = exampleWeights[row]! / l2;
    alpha[2 * row] = Math.min(0.001 * upper[row]!, 1e-8);
    alpha[2 * row + 1] = upper[row]! - alpha[2 * row]!;
    let norm = 1;
    for (let k = rowStart[row]!; k < rowStart[row + 1]!; k++) norm += values[k]! * values[k]!;
    squaredNorm[row] = norm;
    const change = labels[row]! * alpha[2 * row]!;
    for (let k = rowStart[row]!; k < rowStart[row + 1]!; k++) weights[columns[k]!]! += change * values[k]!;
    weights[bias]! += change;
  }

  const order = shuffledRows(rows);
  let innerTolerance = 1e-2;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let largestGradient = 0;
    let newtonSteps = 0;
    for (let next = 0; next < rows; next++) {
      const row = order[next]!;
      const label = labels[row]!;
      const bound = upper[row]!;
      const from = rowStart[row]!;
      const to = rowStart[row + 1]!;
      let margin = weights[bias]!;
      for (let k = from; k < to; k++) margin += weights[columns[k]!]! * values[k]!;
      const a = squaredNorm[row]!;
      const b = label * margin;
      // Minimise over whichever of α and C − α the gradient moves away from its bound.
      const sign = 0.5 * a * (alpha[2 * row + 1]! - alpha[2 * row]!) + b < 0 ? -1 : 1;
      const first = sign < 0 ? 2 * row + 1 : 2 * row;
      const start = alpha[first]!;
      let z = bound - start < 0.5 * bound ? 0.1 * start : start;
      let gradient = a * (z - start) + sign * b + Math.log(z / (bound - z));
      largestGradient = Math.max(largestGradient, Math.abs(gradient));
      let steps = 0;
      while (steps < MAX_NEWTON_STEPS && Math.abs(gradient) >= innerTolerance) {
        const step = z - gradient / (a + bound / (bound - z) / z);
        z = step <= 0 ? 0.1 * z : step;
        gradient = a * (z - start) + sign * b + Math.log(z / (bound - z));
        steps++;
      }
      newtonSteps += steps;
      if (steps === 0) continue;
      alpha[first] = z;
      alpha[sign < 0 ? 2 * row : 2 * row + 1] = bound - z;
      const change = sign * (z - start) * label;
      for (let k = from; k < to; k++) weights[columns[k]!]! += change * values[k]!;
      weights[bias]! += change;
    }
    if (largestGradient < tolerance) break;
    if (newtonSteps <= rows / 10) innerTolerance = Math.max(1e-8, 0.1 * innerTolerance);
  }
  return toModel(terms, weights, options.keep);
}

/**
 * The model of the solved weights (the bias last): all of them, or the `keep` largest in magnitude
 * rounded to float32, found through the magnitudes sorted as a typed array rather than a Map of every term.
 */
function toModel<Term>(terms: Term[], weights: Float64Array, keep?: number): ReaderModel<Term> {
  const bias = weights[terms.length]!;
  if (keep === undefined) return { weights: new Map(terms.map((term, column) => [term, weights[column]!])), bias };
  const magnitudes = weights.subarray(0, terms.length).map(Math.abs).sort();
  const threshold = keep >= terms.length ? 0 : magnitudes[terms.length - keep]!;
  // Weights as large as the smallest kept one fill the places left, first columns first.
  let ties = keep - (terms.length - 1 - magnitudes.lastIndexOf(threshold));
  const kept = new Map<Term, number>();
  for (let column = 0; column < terms.length; column++) {
    const magnitude = Math.abs(weights[column]!);
    if (magnitude > threshold || (magnitude === threshold && ties-- > 0)) kept.set(terms[column]!, Math.fround(weights[column]!));
  }
  return { weights: kept, bias };
}

/** 0 … rows − 1 in an order shuffled by a fixed-seed generator: coordinate descent converges faster out of order. */
function shuffledRows(rows: number): Int32Array {
  const order = Int32Array.from({ length: rows }, (_, row) => row);
  let state = 0x9e3779b9;
  for (let i = rows - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/** The training examples in compressed sparse rows over the columns of the terms they use. */
function packExamples<Term>(set: TrainingSet<Term>) {
  const examples = [
    ...set.liked.map((vector) => ({ vector, label: 1, weight: 1 })),
    ...set.disliked.map((vector) => ({ vector, label: -1, weight: DISLIKED_WEIGHT })),
    ...set.background.map((vector) => ({ vector, label: -1, weight: 1 })),
  ];
  const negatives = set.disliked.length * DISLIKED_WEIGHT + set.background.length;
  const rowStart = new Int32Array(examples.length + 1);
  examples.forEach((example, row) => (rowStart[row + 1] = rowStart[row]! + example.vector.terms.length));
  const columns = new Int32Array(rowStart[examples.length]!);
  const values = new Float64Array(columns.length);
  const labels = new Float64Array(examples.length);
  const exampleWeights = new Float64Array(examples.length);
  const columnOf = new Map<Term, number>();
  const terms: Term[] = [];
  examples.forEach(({ vector, label, weight }, row) => {
    labels[row] = label;
    exampleWeights[row] = label === 1 ? 0.5 / set.liked.length : (0.5 * weight) / negatives;
    for (let position = 0; position < vector.terms.length; position++) {
      const term = vector.terms[position]!;
      let column = columnOf.get(term);
      if (column === undefined) {
        column = terms.length;
        columnOf.set(term, column);
        terms.push(term);
      }
      columns[rowStart[row]! + position] = column;
      values[rowStart[row]! + position] = vector.weights[position]!;
    }
  });
  return { terms, rowStart, columns, values, labels, exampleWeights };
}

/** The model's score of a paper: its log-odds of being liked. */
export function logOdds<Term>(model: ReaderModel<Term>, vector: SparseVector<Term>): number {
  let score = model.bias;
  for (let position = 0; position < vector.terms.length; position++)
    score += (model.weights.get(vector.terms[position]!) ?? 0) * vector.weights[position]!;
  return score;
}

/** The terms the model likes most, with their weights: where candidates are looked for. */
export function strongestTerms<Term>(model: ReaderModel<Term>, count: number): { term: Term; weight: number }[] {
  return [...model.weights]
    .filter(([, weight]) => weight > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([term, weight]) => ({ term, weight }));
}
