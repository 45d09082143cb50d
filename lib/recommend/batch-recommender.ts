import "server-only";

import { db } from "@/lib/db";
import { cosine, isSimilar } from "@/lib/similarity/document-vector";
import { loadVectorsByTermId, metadataTermIds } from "@/lib/similarity/load-vectors";

import { indexLiked, type LikedIndex } from "./nearest-liked";
import { indexPapers } from "./reader-scorer";
import { loadReaderModels, type StoredReaderModel } from "./stored-reader-model";

/** A reader's liked and disliked papers, as loadReaderTastes gives them. */
export type Taste = { readerId: number; liked: number[]; disliked: number[] };

/** A paper recommended to one reader: its score, and the liked papers it is similar to, closest first. */
export type BatchRecommendation = { paperId: number; score: number; because: number[] };

type Vector = { terms: number[]; weights: number[] };

const BECAUSE_PAPERS = 2;
const DAY_MS = 86_400_000;
// Liked and disliked papers' vectors kept across batches; past this many, start over.
const MAX_CACHED_VECTORS = 50_000;

type WindowPaper = { id: number; arrived: number; vector: Vector };

/**
 * recommendFor (recommend-for.ts) for a digest run, with the same scorer (reader-scorer.ts) over
 * each reader's stored model, over the papers that arrived in the run's windows rather than
 * candidates looked up per request. What every reader shares is loaded once per run (the window's
 * papers with their vectors), what a batch's readers marked and their models in a query each, so
 * a batch of hundreds of readers costs a few statements; a reader whose model is missing or stale
 * has it retrained then (see loadReaderModels).
 */
export function createBatchRecommender(cutoff: Date) {
  let window: { from: number; papers: WindowPaper[] } | null = null;
  /** The window's papers as an inverted list, built when a reader is first scored over it. */
  let windowIndex: ReturnType<typeof indexPapers<number>> | null = null;
  const marked = new Map<number, Vector>();
  /** The authors and categories among the marked papers' terms: a liked paper is no reason through those alone. */
  const metadataTerms = new Set<number>();
  /** The models of the batch being built: the next batch's replace them. */
  let models = new Map<number, StoredReaderModel>();

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
    windowIndex = null;
  }

  return {
    /** Loads what recommending to these readers over papers that arrived after `since` needs. */
    async prepare(tastes: Taste[], since: Date): Promise<void> {
      // Whole days back from the cutoff, as the topic matcher loads, so nearby windows share a load.
      const days = Math.max(1, Math.ceil((cutoff.getTime() - since.getTime()) / DAY_MS));
      await loadWindow(cutoff.getTime() - days * DAY_MS);
      const wanted = [...new Set(tastes.flatMap((taste) => [...taste.liked, ...taste.disliked]))];
      if (marked.size + wanted.length > MAX_CACHED_VECTORS) marked.clear();
      const vectors = await loadVectorsByTermId(
        db,
        wanted.filter((id) => !marked.has(id)),
      );
      for (const [id, vector] of vectors) marked.set(id, vector);
      for (const term of await metadataTermIds(db, [...new Set([...vectors.values()].flatMap((vector) => vector.terms))]))
        metadataTerms.add(term);
      const papers = (taste: Taste) => [...taste.liked, ...taste.disliked].filter((id) => marked.has(id)).length;
      models = await loadReaderModels(tastes.map((taste) => ({ readerId: taste.readerId, papers: papers(taste) })));
    },

    /**
     * The best `limit` papers for a reader among those that arrived in (from, to], not in
     * `exclude` nor marked by the reader, that score above their model's bar and are similar to a
     * liked paper. After prepare.
     */
    recommend(taste: Taste, range: { from: number; to: number }, exclude: ReadonlySet<number>, limit: number): BatchRecommendation[] {
      const stored = models.get(taste.readerId);
      const liked = taste.liked.filter((id) => marked.has(id));
      if (!stored || liked.length === 0 || limit <= 0 || !window) return [];
      const own = new Set([...taste.liked, ...taste.disliked]);
      const likedVectors = liked.map((id) => marked.get(id)!);
      let nearest: LikedIndex<number> | undefined;
      const bar = stored.bar ?? Number.NEGATIVE_INFINITY;
      windowIndex ??= indexPapers(window.papers.map((paper) => paper.vector));
      const scores = windowIndex.score(stored.model, likedVectors);
      const likedMaps: Map<number, number>[] = [];
      const likedMap = (index: number) => {
        const vector = marked.get(liked[index]!)!;
        return (likedMaps[index] ??= new Map(vector.terms.map((term, position) => [term, vector.weights[position]!])));
      };
      const isContent = (term: number) => !metadataTerms.has(term);
      const picked: BatchRecommendation[] = [];
      const scored: { paper: WindowPaper; score: number }[] = [];
      window.papers.forEach((paper, index) => {
        const score = scores[index]!;
        if (score > bar && paper.arrived > range.from && paper.arrived <= range.to && !own.has(paper.id) && !exclude.has(paper.id))
          scored.push({ paper, score });
      });
      scored.sort((a, b) => b.score - a.score || b.paper.id - a.paper.id);
      for (const { paper, score } of scored) {
        if (picked.length === limit) break;
        // Liked papers it is similar to, as "similar papers" means it (no single shared word): a
        // paper the scorer likes that is like nothing the reader liked cannot say why, and is left out.
        const because: number[] = [];
        for (const match of (nearest ??= indexLiked(likedVectors)).matches(paper.vector)) {
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
