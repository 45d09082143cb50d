import { indexLiked, type LikedMatch } from "./nearest-liked";
import { logOdds, trainReaderModel, type ReaderModel, type SparseVector, type TrainingSet } from "./reader-model";

/**
 * Log-odds added per unit of cosine with the closest liked paper: the linear model weighs what the
 * liked papers share, this keeps a paper very like one of them (a reader of several topics) near
 * the top. Chosen on held-out synthetic readers, not on the evaluation's trials.
 */
export const NEAREST_LIKED_WEIGHT = 5;

export type ReaderScorer<Term> = {
  model: ReaderModel<Term>;
  /** Each paper's score: the model's log-odds plus NEAREST_LIKED_WEIGHT × its cosine with the closest liked paper. */
  score: (papers: SparseVector<Term>[]) => number[];
  /** The liked papers (by their place in the training set's `liked`) a paper shares terms with, closest first: why it is shown. */
  nearest: (paper: SparseVector<Term>) => LikedMatch[];
};

/**
 * How one reader's papers are ranked, wherever they are ranked (recommendFor per request, the
 * digest per run): a model trained on the reader's liked and disliked papers against background
 * papers, plus the closeness to the nearest liked paper. Every paper scored needs only its
 * closest liked paper; the full list, sorted, is for the few papers shown.
 */
export function createReaderScorer<Term>(set: TrainingSet<Term>): ReaderScorer<Term> {
  const model = trainReaderModel(set);
  const liked = indexLiked(set.liked);
  return {
    model,
    score: (papers) => papers.map((paper) => logOdds(model, paper) + NEAREST_LIKED_WEIGHT * liked.closest(paper)),
    nearest: liked.matches,
  };
}
