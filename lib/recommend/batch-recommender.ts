import "server-only";

import { db } from "@/lib/db";
import { cosine, isSimilar, vectorMap, type DocumentVector } from "@/lib/similarity/document-vector";
import { loadVectors } from "@/lib/similarity/load-vectors";

import { trainReaderModel, type ReaderModel } from "./reader-model";
import { sampleBackground } from "./sample-background";

export type Taste = { liked: number[]; disliked: number[] };

/** A paper recommended to one reader: its model score, and the liked papers it is closest to, closest first. */
export type BatchRecommendation = { paperId: number; score: number; because: number[] };

const BECAUSE_PAPERS = 2;
/**
 * A paper is recommended when the model scores it above all but this share of the background
 * papers (a spread of the corpus): the model's log-odds are not calibrated, as its classes are
 * balanced over a handful of liked papers, but "better than 95% of papers" means the same for
 * every reader. With fewer background papers than BAR_PAPERS (a young install) there is no such
 * bar, and only the likeness to a liked paper, which every pick needs anyway, holds papers back.
 */
const BAR_QUANTILE = 0.95;
const BAR_PAPERS = 40;
const DAY_MS = 86_400_000;
// Liked and disliked papers' vectors kept across batches; past this many, start over.
const MAX_CACHED_VECTORS = 50_000;

/**
 * scorePaper's score without its per-term explanation: a run scores every new paper for every
 * reader with a library, and explains only the few it keeps.
 */
function scoreOf(model: ReaderModel, vector: DocumentVector): number {
  let score = model.bias;
  for (let index = 0; index < vector.terms.length; index++)
    score += (model.weights.get(vector.terms[index]!) ?? 0) * vector.weights[index]!;
  return score;
}

type WindowPaper = { id: number; arrived: number; vector: DocumentVector };

/**
 * recommendFor (recommend-for.ts) for a digest run: the same reader model, trained per reader in
 * memory, but over the papers that arrived in the run's windows rather than candidates looked up
 * per request. What every reader shares is loaded once per run (the background papers and the
 * window's papers with their vectors), what a batch's readers marked in one query, so a batch of
 * hundreds of readers costs one statement plus the training.
 */
export function createBatchRecommender(cutoff: Date) {
  let sample: Map<number, DocumentVector> | null = null;
  /** The sample without the window's papers: a paper the digest may recommend is no negative example. */
  let background: [number, DocumentVector][] = [];
  let window: { from: number; papers: WindowPaper[] } | null = null;
  const marked = new Map<number, DocumentVector>();

  /** The papers that arrived in (from, cutoff], newest first, loading only those not yet known. */
  async function loadWindow(from: number) {
    if (window && window.from <= from) return;
    const until = window ? new Date(window.from) : cutoff;
    const rows = await db.$queryRaw<{ id: number; createdAt: Date }[]>`
      SELECT id, created_at AS "createdAt" FROM paper WHERE created_at > ${new Date(from)} AND created_at <= ${until}`;
    const vectors = await loadVectors(
      db,
      rows.map((row) => row.id),
    );
    const added = rows.flatMap((row) => {
      const vector = vectors.get(row.id);
      return vector ? [{ id: row.id, arrived: row.createdAt.getTime(), vector }] : [];
    });
    window = { from, papers: [...(window?.papers ?? []), ...added] };
  }

  return {
    /** Loads what recommending to these readers over papers that arrived after `since` needs. */
    async prepare(tastes: Taste[], since: Date): Promise<void> {
      // Whole days back from the cutoff, as the topic matcher loads, so nearby windows share a load.
      const days = Math.max(1, Math.ceil((cutoff.getTime() - since.getTime()) / DAY_MS));
      await loadWindow(cutoff.getTime() - days * DAY_MS);
      // The sample's ids, with vectors keyed by term as the window's papers are.
      sample ??= await loadVectors(db, [...(await sampleBackground([])).keys()]);
      const fresh = new Set(window!.papers.map((paper) => paper.id));
      background = [...sample].filter(([id]) => !fresh.has(id));
      const missing = [...new Set(tastes.flatMap((taste) => [...taste.liked, ...taste.disliked]))].filter((id) => !marked.has(id));
      if (marked.size + missing.length > MAX_CACHED_VECTORS) marked.clear();
      for (const [id, vector] of await loadVectors(db, missing)) marked.set(id, vector);
    },

    /**
     * The best `limit` papers for a reader among those that arrived in (from, to], not in
     * `exclude` nor marked by the reader, that the model scores above the bar. After prepare.
     */
    recommend(taste: Taste, range: { from: number; to: number }, exclude: ReadonlySet<number>, limit: number): BatchRecommendation[] {
      const vectorsOf = (ids: number[]) => ids.flatMap((id) => (marked.has(id) ? [marked.get(id)!] : []));
      const liked = taste.liked.filter((id) => marked.has(id));
      if (liked.length === 0 || limit <= 0 || !window) return [];
      const own = new Set([...taste.liked, ...taste.disliked]);
      const others = background.flatMap(([id, vector]) => (own.has(id) ? [] : [vector]));
      const model = trainReaderModel({ liked: vectorsOf(liked), disliked: vectorsOf(taste.disliked), background: others });
      const bar =
        others.length < BAR_PAPERS
          ? Number.NEGATIVE_INFINITY
          : others.map((vector) => scoreOf(model, vector)).sort((a, b) => a - b)[Math.floor(others.length * BAR_QUANTILE)]!;
      const scored: { paper: WindowPaper; score: number }[] = [];
      for (const paper of window.papers) {
        if (paper.arrived <= range.from || paper.arrived > range.to || own.has(paper.id) || exclude.has(paper.id)) continue;
        const score = scoreOf(model, paper.vector);
        if (score > bar) scored.push({ paper, score });
      }
      scored.sort((a, b) => b.score - a.score || b.paper.id - a.paper.id);
      const likedMaps = liked.map((id) => ({ id, vector: vectorMap(marked.get(id)!) }));
      const picked: BatchRecommendation[] = [];
      for (const { paper, score } of scored) {
        if (picked.length === limit) break;
        // Liked papers it is similar to, as "similar papers" means it (no single shared word): a
        // paper the model likes that is like nothing the reader liked cannot say why, and is left out.
        const because = likedMaps
          .map((each) => ({ id: each.id, match: cosine(each.vector, paper.vector) }))
          .filter((each) => isSimilar(each.match))
          .sort((a, b) => b.match.score - a.match.score)
          .slice(0, BECAUSE_PAPERS)
          .map((each) => each.id);
        if (because.length > 0) picked.push({ paperId: paper.id, score, because });
      }
      return picked;
    },
  };
}

export type BatchRecommender = ReturnType<typeof createBatchRecommender>;
