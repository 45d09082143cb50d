import { indexLiked, type LikedMatch } from "./nearest-liked";
import { logOdds, trainReaderModel, type ReaderModel, type SparseVector, type TrainingSet } from "./reader-model";

/**
 * Log-odds added per unit of cosine with the closest liked paper: the linear model weighs what the
 * liked papers share, this keeps a paper very like one of them (a reader of several topics) near
 * the top. Chosen on held-out synthetic readers, not on the evaluation's trials.
 */
export const NEAREST_LIKED_WEIGHT = 5;
/** Added to each bound so that rounding in the sums it bounds never puts a score above it. */
const ROUNDING_MARGIN = 1e-9;

/** A paper to rank: among equal scores the higher id comes first. */
export type RankedPaper<Term> = { id: number; vector: SparseVector<Term> };

export type ReaderScorer<Term> = {
  model: ReaderModel<Term>;
  /**
   * The papers from the best score down (the model's log-odds plus NEAREST_LIKED_WEIGHT × the
   * cosine with the closest liked paper), as far as the caller reads (docs/similarity.md, "Recommendations").
   */
  ranked: <Paper extends RankedPaper<Term>>(papers: Paper[]) => Generator<{ paper: Paper; score: number }>;
  /** The liked papers (by their place in the training set's `liked`) a paper shares terms with, closest first: why it is shown. */
  nearest: (paper: SparseVector<Term>) => LikedMatch[];
};

/**
 * How one reader's papers are ranked, wherever they are ranked (recommendFor per request, the
 * digest per run): a model trained on the reader's liked and disliked papers against background
 * papers, plus the closeness to the nearest liked paper.
 *
 * The closeness costs far more than the log-odds (every liked paper sharing a term), and a
 * caller reads only the top of the ranking, so it is computed in order of an upper bound
 * (log-odds plus the weight times a bound on the cosine) and a paper is given out once its score
 * beats every bound left: the order is the one a full sort gives, but papers that cannot reach
 * the part read are never compared with the library.
 */
export function createReaderScorer<Term>(set: TrainingSet<Term>): ReaderScorer<Term> {
  const model = trainReaderModel(set);
  const liked = indexLiked(set.liked);
  return {
    model,
    *ranked(papers) {
      const pending = papers
        .map((paper) => {
          const odds = logOdds(model, paper.vector);
          return { paper, odds, bound: odds + NEAREST_LIKED_WEIGHT * liked.bound(paper.vector) + ROUNDING_MARGIN };
        })
        .sort((a, b) => b.bound - a.bound);
      const scored: { paper: (typeof papers)[number]; score: number }[] = [];
      const before = (a: (typeof scored)[number], b: (typeof scored)[number]) =>
        a.score > b.score || (a.score === b.score && a.paper.id > b.paper.id);
      let next = 0;
      for (;;) {
        let best = scored.reduce((found, entry, index) => (found < 0 || before(entry, scored[found]!) ? index : found), -1);
        while (next < pending.length && (best < 0 || !(scored[best]!.score > pending[next]!.bound))) {
          const { paper, odds } = pending[next++]!;
          scored.push({ paper, score: odds + NEAREST_LIKED_WEIGHT * liked.closest(paper.vector) });
          if (best < 0 || before(scored.at(-1)!, scored[best]!)) best = scored.length - 1;
        }
        if (best < 0) return;
        yield scored[best]!;
        scored[best] = scored.at(-1)!;
        scored.pop();
      }
    },
    nearest: liked.matches,
  };
}
