import "server-only";

import { db } from "@/lib/db";
import { loadVectorsByTermId, metadataTermIds, type StoredVector } from "@/lib/similarity/load-vectors";

import { bestFirst } from "./best-first";
import { createLikedPapers, LIKED_PAPER_BYTES, similarLiked } from "./liked-papers";
import { indexPapers } from "./reader-scorer";
import { loadReaderModels, type StoredReaderModel } from "./stored-reader-model";

/** A reader's liked and disliked papers, as loadReaderTastes gives them. */
export type Taste = { readerId: number; liked: number[]; disliked: number[] };

/** A paper recommended to one reader: its score, and the liked papers it is similar to, closest first. */
export type BatchRecommendation = { paperId: number; score: number; because: number[] };

const BECAUSE_PAPERS = 2;
const DAY_MS = 86_400_000;
// Liked and disliked papers' vectors kept across batches; past this many, start over.
const MAX_CACHED_VECTORS = 50_000;
/**
 * What the window's papers are to the liked papers kept across readers (liked-papers.ts), in bytes:
 * 9 per window paper and liked paper, so 3,700 liked papers over a day's thousand new papers.
 */
const MAX_KEPT_LIKED_BYTES = 32 * 2 ** 20;

type WindowPaper = { id: number; arrived: number; vector: StoredVector };

/**
 * recommendFor (recommend-for.ts) for a digest run, with the same scorer (reader-scorer.ts) over
 * each reader's stored model, over the papers that arrived in the run's windows rather than
 * candidates looked up per request. What every reader shares is loaded once per run (the window's
 * papers with their vectors), what a batch's readers marked and their models in a query each, so
 * a batch of hundreds of readers costs a few statements; a reader whose model is missing or stale
 * has it retrained then (see loadReaderModels). What a liked paper is to the window's papers is
 * worked out once for all the readers who liked it, as far as memory allows (liked-papers.ts).
 */
export function createBatchRecommender(cutoff: Date) {
  let window: { from: number; papers: WindowPaper[] } | null = null;
  /** The window's papers as an inverted list and the liked papers worked out over them, from when a reader is first scored. */
  let windowIndex: ReturnType<typeof indexWindow> | null = null;
  const marked = new Map<number, StoredVector>();
  /** The authors and categories among the marked papers' terms: a liked paper is no reason through those alone. */
  const metadataTerms = new Set<number>();
  const isContent = (term: number) => !metadataTerms.has(term);
  /** The models of the batch being built: the next batch's replace them. */
  let models = new Map<number, StoredReaderModel>();

  function indexWindow(papers: WindowPaper[]) {
    const index = indexPapers(papers.map((paper) => paper.vector));
    const keep = Math.max(1, Math.floor(MAX_KEPT_LIKED_BYTES / (LIKED_PAPER_BYTES * papers.length)));
    return { papers: index, liked: createLikedPapers(papers.length, index.similarities, keep) };
  }

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
      if (marked.size + wanted.length > MAX_CACHED_VECTORS) {
        marked.clear();
        // What was worked out from the vectors goes with them.
        windowIndex = null;
      }
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
      const bar = stored.bar ?? Number.NEGATIVE_INFINITY;
      const papers = window.papers;
      const indexed = (windowIndex ??= indexWindow(papers));
      const likedPapers = liked.map((id) => indexed.liked.get(id, marked.get(id)!));
      const scores = indexed.papers.score(
        stored.model,
        likedPapers.map((paper) => paper.similarities),
      );
      const candidates: number[] = [];
      for (let at = 0; at < papers.length; at++) {
        const paper = papers[at]!;
        if (scores[at]! > bar && paper.arrived > range.from && paper.arrived <= range.to && !own.has(paper.id) && !exclude.has(paper.id))
          candidates.push(at);
      }
      const picked: BatchRecommendation[] = [];
      // Best score first, the higher id on a tie.
      const before = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && papers[a]!.id > papers[b]!.id);
      for (const at of bestFirst(candidates, before)) {
        if (picked.length === limit) break;
        // Liked papers it is similar to, as "similar papers" means it (no single shared word): a
        // paper the scorer likes that is like nothing the reader liked cannot say why, and is left out.
        const because = similarLiked(likedPapers, at, papers[at]!.vector, isContent, BECAUSE_PAPERS).map((index) => liked[index]!);
        if (because.length > 0) picked.push({ paperId: papers[at]!.id, score: scores[at]!, because });
      }
      return picked;
    },
  };
}

export type BatchRecommender = ReturnType<typeof createBatchRecommender>;
