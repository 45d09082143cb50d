import "server-only";

import { db } from "@/lib/db";
import { cosine, isSimilar } from "@/lib/similarity/document-vector";
import { loadVectorsByTermId, metadataTermIds } from "@/lib/similarity/load-vectors";

import type { SparseVector } from "./reader-model";
import { createReaderScorer } from "./reader-scorer";
import { sampleBackground } from "./sample-background";

export type Taste = { liked: number[]; disliked: number[] };

/** A paper recommended to one reader: its score, and the liked papers it is similar to, closest first. */
export type BatchRecommendation = { paperId: number; score: number; because: number[] };

type Vector = { terms: number[]; weights: number[] };

const BECAUSE_PAPERS = 2;
/**
 * A paper is recommended when it scores above all but this share of the background papers (a
 * spread of the corpus): the model's log-odds are not calibrated, as its classes are balanced over
 * a handful of liked papers, but "better than 95% of papers" means the same for every reader. With
 * fewer background papers than BAR_PAPERS (a young install) there is no such bar, and only the
 * likeness to a liked paper, which every pick needs anyway, holds papers back.
 */
const BAR_QUANTILE = 0.95;
const BAR_PAPERS = 40;
const DAY_MS = 86_400_000;
// Liked and disliked papers' vectors kept across batches; past this many, start over.
const MAX_CACHED_VECTORS = 50_000;

type WindowPaper = { id: number; arrived: number; vector: Vector };

/**
 * recommendFor (recommend-for.ts) for a digest run, with the same scorer (reader-scorer.ts) trained
 * per reader in memory, over the papers that arrived in the run's windows rather than candidates
 * looked up per request. What every reader shares is loaded once per run (the background sample,
 * the window's papers with their vectors), what a batch's readers marked in one query, so a batch
 * of hundreds of readers costs a statement or two plus the training.
 */
export function createBatchRecommender(cutoff: Date) {
  let sample: Map<number, SparseVector<number>> | null = null;
  /** The sample without the window's papers: a paper the digest may recommend is no negative example. */
  let background: { id: number; vector: SparseVector<number> }[] = [];
  let window: { from: number; papers: WindowPaper[] } | null = null;
  const marked = new Map<number, Vector>();
  /** The authors and categories among the marked papers' terms: a liked paper is no reason through those alone. */
  const metadataTerms = new Set<number>();

  /** The papers that arrived in (from, cutoff] with their vectors, newest first, loading only those not yet known. */
  async function loadWindow(from: number) {
    if (window && window.from <= from) return;
    const until = window ? new Date(window.from) : cutoff;
    const rows = await db.$queryRaw<{ id: number; createdAt: Date; termIds: number[]; weights: number[] }[]>`
      SELECT p.id, p.created_at AS "createdAt", v.term_ids AS "termIds", v.weights
      FROM paper p JOIN paper_vector v ON v.paper_id = p.id
      WHERE p.created_at > ${new Date(from)} AND p.created_at <= ${until}`;
    const added = rows.map((row) => ({
      id: row.id,
      arrived: row.createdAt.getTime(),
      vector: { terms: row.termIds, weights: row.weights },
    }));
    window = { from, papers: [...(window?.papers ?? []), ...added] };
  }

  return {
    /** Loads what recommending to these readers over papers that arrived after `since` needs. */
    async prepare(tastes: Taste[], since: Date): Promise<void> {
      // Whole days back from the cutoff, as the topic matcher loads, so nearby windows share a load.
      const days = Math.max(1, Math.ceil((cutoff.getTime() - since.getTime()) / DAY_MS));
      await loadWindow(cutoff.getTime() - days * DAY_MS);
      sample ??= await sampleBackground([]);
      const fresh = new Set(window!.papers.map((paper) => paper.id));
      background = [...sample].flatMap(([id, vector]) => (fresh.has(id) ? [] : [{ id, vector }]));
      const missing = [...new Set(tastes.flatMap((taste) => [...taste.liked, ...taste.disliked]))].filter((id) => !marked.has(id));
      if (marked.size + missing.length > MAX_CACHED_VECTORS) marked.clear();
      const vectors = await loadVectorsByTermId(db, missing);
      for (const [id, vector] of vectors) marked.set(id, vector);
      for (const term of await metadataTermIds(db, [...new Set([...vectors.values()].flatMap((vector) => vector.terms))]))
        metadataTerms.add(term);
    },

    /**
     * The best `limit` papers for a reader among those that arrived in (from, to], not in
     * `exclude` nor marked by the reader, that score above the bar and are similar to a liked
     * paper. After prepare.
     */
    recommend(taste: Taste, range: { from: number; to: number }, exclude: ReadonlySet<number>, limit: number): BatchRecommendation[] {
      const vectorsOf = (ids: number[]) => ids.flatMap((id) => (marked.has(id) ? [marked.get(id)!] : []));
      const liked = taste.liked.filter((id) => marked.has(id));
      if (liked.length === 0 || limit <= 0 || !window) return [];
      const own = new Set([...taste.liked, ...taste.disliked]);
      const others = background.filter((paper) => !own.has(paper.id));
      const scorer = createReaderScorer({
        liked: vectorsOf(liked),
        disliked: vectorsOf(taste.disliked),
        background: others.map((paper) => paper.vector),
      });
      const bar =
        others.length < BAR_PAPERS
          ? Number.NEGATIVE_INFINITY
          : scorer.score(others.map((paper) => paper.vector)).sort((a, b) => a - b)[Math.floor(others.length * BAR_QUANTILE)]!;
      const candidates = window.papers.filter(
        (paper) => paper.arrived > range.from && paper.arrived <= range.to && !own.has(paper.id) && !exclude.has(paper.id),
      );
      const likedMaps: Map<number, number>[] = [];
      const likedMap = (index: number) => {
        const vector = marked.get(liked[index]!)!;
        return (likedMaps[index] ??= new Map(vector.terms.map((term, position) => [term, vector.weights[position]!])));
      };
      const isContent = (term: number) => !metadataTerms.has(term);
      const picked: BatchRecommendation[] = [];
      const scores = scorer.score(candidates.map((paper) => paper.vector));
      const scored = candidates
        .map((paper, index) => ({ paper, score: scores[index]! }))
        .filter((each) => each.score > bar)
        .sort((a, b) => b.score - a.score || b.paper.id - a.paper.id);
      for (const { paper, score } of scored) {
        if (picked.length === limit) break;
        // Liked papers it is similar to, as "similar papers" means it (no single shared word): a
        // paper the scorer likes that is like nothing the reader liked cannot say why, and is left out.
        const because: number[] = [];
        for (const match of scorer.nearest(paper.vector)) {
          if (isSimilar(cosine(likedMap(match.liked), paper.vector), isContent)) because.push(liked[match.liked]!);
          if (because.length === BECAUSE_PAPERS) break;
        }
        if (because.length > 0) picked.push({ paperId: paper.id, score, because });
      }
      return picked;
    },
  };
}

export type BatchRecommender = ReturnType<typeof createBatchRecommender>;
