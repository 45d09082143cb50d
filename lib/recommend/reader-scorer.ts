import { nearestLiked, type LikedMatch } from "./nearest-liked";
import { logOdds, trainReaderModel, type ReaderModel, type SparseVector, type TrainingSet } from "./reader-model";

/**
 * Log-odds added per unit of cosine with the closest liked paper: the linear model weighs what the
 * liked papers share, this keeps a paper very like one of them (a reader of several topics) near
 * the top. Chosen on held-out synthetic readers, not on the evaluation's trials.
 */
export const NEAREST_LIKED_WEIGHT = 5;

/** A paper's score for a reader, and the liked papers it shares terms with (by their place in `liked`), closest first. */
export type ReaderScore = { score: number; nearest: LikedMatch[] };

export type ReaderScorer<Term> = {
  model: ReaderModel<Term>;
  /** Each paper's score: the model's log-odds plus NEAREST_LIKED_WEIGHT × its cosine with the closest liked paper. */
  score: (papers: SparseVector<Term>[]) => ReaderScore[];
};

/**
 * How one reader's papers are ranked, wherever they are ranked (recommendFor per request, the
 * digest per run): a model trained on the reader's liked and disliked papers against background
 * papers, plus the closeness to the nearest liked paper. Only the score is computed here; the few
 * papers shown are explained apart (scorePaper's contributions), not every paper scored.
 */
export function createReaderScorer<Term>(set: TrainingSet<Term>): ReaderScorer<Term> {
  const model = trainReaderModel(set);
  return {
    model,
    score(papers) {
      const nearest = nearestLiked(set.liked, papers);
      return papers.map((vector, index) => ({
        score: logOdds(model, vector) + NEAREST_LIKED_WEIGHT * (nearest[index]![0]?.similarity ?? 0),
        nearest: nearest[index]!,
      }));
    },
  };
}
