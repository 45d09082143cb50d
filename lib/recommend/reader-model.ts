import type { DocumentVector } from "@/lib/similarity/document-vector";

/** A linear model of what one reader likes: a weight per term and a bias. */
export type ReaderModel = { weights: Map<string, number>; bias: number };

export type TrainingSet = { liked: DocumentVector[]; disliked: DocumentVector[]; background: DocumentVector[] };

/** L2 penalty: small, because the examples are few and their vectors are unit length. */
const L2 = 1e-3;
/** A paper the reader rejected says more than a background paper they never saw. */
const DISLIKED_WEIGHT = 3;
const ITERATIONS = 120;
/** Step size: the averaged logistic loss of unit-length vectors has a gradient Lipschitz constant ≤ 1/4 + L2. */
const STEP = 3.5;

/**
 * Logistic regression, L2-regularised and class-balanced (liked papers weigh as much together as
 * all negatives together), trained by Nesterov-accelerated gradient descent over the papers' sparse
 * tf-idf vectors. The features are only the terms these papers have, so training costs in the
 * number of stored weights, a few milliseconds for hundreds of papers.
 */
export function trainReaderModel(set: TrainingSet): ReaderModel {
  const index = new Map<string, number>();
  const examples: { features: Int32Array; values: Float64Array; label: number; weight: number }[] = [];
  const negatives = set.disliked.length * DISLIKED_WEIGHT + set.background.length;
  const add = (vector: DocumentVector, label: number, weight: number) => {
    const features = new Int32Array(vector.terms.length);
    vector.terms.forEach((term, position) => {
      let column = index.get(term);
      if (column === undefined) index.set(term, (column = index.size));
      features[position] = column;
    });
    examples.push({ features, values: Float64Array.from(vector.weights), label, weight });
  };
  for (const vector of set.liked) add(vector, 1, 0.5 / set.liked.length);
  for (const vector of set.disliked) add(vector, 0, (0.5 * DISLIKED_WEIGHT) / negatives);
  for (const vector of set.background) add(vector, 0, 0.5 / negatives);

  const size = index.size + 1; // the last column is the bias
  let weights = new Float64Array(size);
  let previous = new Float64Array(size);
  const ahead = new Float64Array(size);
  const gradient = new Float64Array(size);
  for (let iteration = 1; iteration <= ITERATIONS; iteration++) {
    // Nesterov: take the gradient where momentum is carrying the weights.
    const momentum = (iteration - 1) / (iteration + 2);
    for (let j = 0; j < size; j++) ahead[j] = weights[j]! + momentum * (weights[j]! - previous[j]!);
    gradient.fill(0);
    for (const example of examples) {
      let margin = ahead[size - 1]!;
      for (let k = 0; k < example.features.length; k++) margin += ahead[example.features[k]!]! * example.values[k]!;
      const error = example.weight * (1 / (1 + Math.exp(-margin)) - example.label);
      for (let k = 0; k < example.features.length; k++) gradient[example.features[k]!]! += error * example.values[k]!;
      gradient[size - 1]! += error;
    }
    [previous, weights] = [weights, previous];
    for (let j = 0; j < size; j++) weights[j] = ahead[j]! - STEP * (gradient[j]! + (j < size - 1 ? L2 * ahead[j]! : 0));
  }
  return { weights: new Map([...index].map(([term, column]) => [term, weights[column]!])), bias: weights[size - 1]! };
}

/** The model's score of a paper (its log-odds of being liked), with what each term added, largest first. */
export function scorePaper(
  model: ReaderModel,
  vector: DocumentVector,
): { score: number; contributions: { term: string; contribution: number }[] } {
  let score = model.bias;
  const contributions: { term: string; contribution: number }[] = [];
  vector.terms.forEach((term, position) => {
    const weight = model.weights.get(term);
    if (weight === undefined) return;
    const contribution = weight * vector.weights[position]!;
    score += contribution;
    contributions.push({ term, contribution });
  });
  contributions.sort((a, b) => b.contribution - a.contribution);
  return { score, contributions };
}

/** The terms the model likes most: where candidates are looked for. */
export function strongestTerms(model: ReaderModel, count: number): string[] {
  return [...model.weights]
    .filter(([, weight]) => weight > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([term]) => term);
}
