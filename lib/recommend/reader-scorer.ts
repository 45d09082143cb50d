import { explainingTerms } from "./explaining-terms";
import { invertedList } from "./inverted-list";
import { indexLiked, type LikedMatch } from "./nearest-liked";
import { logOdds, trainReaderModel, type PackedModel, type ReaderModel, type SparseVector, type TrainingSet } from "./reader-model";

/**
 * Log-odds added per unit of cosine with the closest liked paper: the linear model weighs what the
 * liked papers share, this keeps a paper very like one of them (a reader of several topics) near
 * the top. Chosen on held-out synthetic readers, not on the evaluation's trials.
 */
export const NEAREST_LIKED_WEIGHT = 5;
/**
 * The weights a model keeps (and a reader's stored model holds, 16 kB), largest in magnitude: the
 * rest barely move a score. Dropping the smallest of a 20-paper reader's ~2,150 changed 1.4% of
 * their digest picks, a fifth of what merely reordering the training examples changes at the
 * solver's tolerance (6.4%); 1,500 changed 8% (bench/results/eval-recommend-5-stored-models.md).
 */
export const MODEL_TERMS = 2_000;
/**
 * A digest recommends a paper that scores above all but this share of the background papers (a
 * spread of the corpus): the model's log-odds are not calibrated, as its classes are balanced over
 * a handful of liked papers, but "better than 95% of papers" means the same for every reader. With
 * fewer background papers than BAR_PAPERS (a young install) there is no such bar, and only the
 * likeness to a liked paper, which every pick needs anyway, holds papers back.
 */
const BAR_QUANTILE = 0.95;
const BAR_PAPERS = 40;

/** What a reader's papers teach: the model, and the score a digest's pick must beat (null: no bar). */
export type LearnedTaste<Term> = { model: ReaderModel<Term>; bar: number | null };

export type ReaderScorer<Term> = {
  /** Each paper's score: the model's log-odds plus NEAREST_LIKED_WEIGHT × its cosine with the closest liked paper. */
  score: (papers: SparseVector<Term>[]) => number[];
  /** The liked papers (by their place in `liked`) a paper shares terms with, closest first: why it is shown. */
  nearest: (paper: SparseVector<Term>) => LikedMatch[];
};

/**
 * A model trained on the reader's liked and disliked papers against background papers, kept
 * compact, and the bar of the digest over the same background papers: the same wherever a reader
 * is learned (stored for a reader, per request for the stateless API).
 */
export function learnTaste<Term>(set: TrainingSet<Term>): LearnedTaste<Term> {
  const model = trainReaderModel(set, { keep: MODEL_TERMS });
  if (set.background.length < BAR_PAPERS) return { model, bar: null };
  const scores = createReaderScorer(model, set.liked)
    .score(set.background)
    .sort((a, b) => a - b);
  return { model, bar: scores[Math.floor(scores.length * BAR_QUANTILE)]! };
}

/**
 * How one reader's papers are ranked, wherever they are ranked (recommendFor per request, the
 * digest per run): the reader's model plus the closeness to the nearest liked paper. Every paper
 * scored needs only its closest liked paper; the full list, sorted, is for the few papers shown.
 */
export function createReaderScorer<Term>(model: ReaderModel<Term>, liked: SparseVector<Term>[]): ReaderScorer<Term> {
  const index = indexLiked(liked);
  return {
    score: (papers) => papers.map((paper) => logOdds(model, paper) + NEAREST_LIKED_WEIGHT * index.closest(paper)),
    nearest: index.matches,
  };
}

/**
 * createReaderScorer's scores for many readers over one set of papers (a digest run's window): the
 * papers' terms as an inverted list built once, so a reader's scores cost the postings of their
 * model's terms, not a lookup for every term of every paper. A liked paper's cosines with the
 * papers are a part of their own (`similarities`), which the caller may keep for every reader who
 * liked it. The sums are the same, taken in another order.
 */
export function indexPapers<Term>(papers: SparseVector<Term>[]) {
  const { slotOf, start, vectorOf: paperOf, weightOf } = invertedList(papers, { byId: true });
  /** A model's weights by slot while `explain` runs, zero again after: allocated once, not a view. */
  let modelWeights: Float64Array | null = null;

  /** Adds weight × each paper's weight of `term` to `sums`. */
  function add(term: Term, weight: number, sums: Float64Array): void {
    const slot = slotOf(term);
    if (slot < 0) return;
    const end = start[slot + 1]!;
    for (let k = start[slot]!; k < end; k++) sums[paperOf[k]!]! += weight * weightOf[k]!;
  }

  return {
    /** Every paper's cosine with `vector` (a liked paper), in the order of `papers`. */
    similarities(vector: SparseVector<Term>): Float64Array {
      const sums = new Float64Array(papers.length);
      for (let position = 0; position < vector.terms.length; position++) add(vector.terms[position]!, vector.weights[position]!, sums);
      return sums;
    },
    /**
     * Each paper's cosine with the closest of `liked` (the maximum of their similarities), and the
     * two closest liked papers sharing a term with it (their places in `liked`, -1 for none, the
     * earlier on a tie): what createReaderScorer's `nearest` says of the papers shown, for a reader
     * whose liked papers' similarities are not kept. A liked paper shares a common word or category
     * with most papers, so each is a pass over the whole window.
     */
    nearest(liked: SparseVector<Term>[]): { closest: Float64Array; first: Int32Array; second: Int32Array } {
      const closest = new Float64Array(papers.length);
      const secondClosest = new Float64Array(papers.length);
      const first = new Int32Array(papers.length).fill(-1);
      const second = new Int32Array(papers.length).fill(-1);
      const sums = new Float64Array(papers.length);
      liked.forEach((vector, place) => {
        for (let position = 0; position < vector.terms.length; position++) add(vector.terms[position]!, vector.weights[position]!, sums);
        for (let paper = 0; paper < papers.length; paper++) {
          const sum = sums[paper]!;
          if (sum > closest[paper]!) {
            secondClosest[paper] = closest[paper]!;
            second[paper] = first[paper]!;
            closest[paper] = sum;
            first[paper] = place;
          } else if (sum > secondClosest[paper]!) {
            secondClosest[paper] = sum;
            second[paper] = place;
          }
        }
        sums.fill(0);
      });
      return { closest, first, second };
    },
    /** Every paper's score for the reader, in the order of `papers`, from each liked paper's `similarities`. */
    score(model: PackedModel<Term>, liked: readonly Float64Array[]): Float64Array {
      const logOdds = new Float64Array(papers.length);
      for (let position = 0; position < model.terms.length; position++) add(model.terms[position]!, model.weights[position]!, logOdds);
      for (let paper = 0; paper < papers.length; paper++) {
        let closest = 0;
        for (const similarity of liked) if (similarity[paper]! > closest) closest = similarity[paper]!;
        logOdds[paper] = model.bias + logOdds[paper]! + NEAREST_LIKED_WEIGHT * closest;
      }
      return logOdds;
    },
    /**
     * explainingTerms of the papers at these places: the model's weights laid out by the list's
     * slots, so that each of the papers' terms is looked up in a table rather than in the model.
     */
    explain(model: PackedModel<Term>, places: number[], count: number): Term[][] {
      const bySlot = (modelWeights ??= new Float64Array(start.length - 1));
      const setWeights = (weight: (position: number) => number) => {
        for (let position = 0; position < model.terms.length; position++) {
          const slot = slotOf(model.terms[position]!);
          if (slot >= 0) bySlot[slot] = weight(position);
        }
      };
      setWeights((position) => model.weights[position]!);
      try {
        return explainingTerms(
          places.map((place) => papers[place]!),
          (term) => {
            const slot = slotOf(term);
            return slot < 0 ? 0 : bySlot[slot]!;
          },
          count,
        );
      } finally {
        setWeights(() => 0);
      }
    },
  };
}
