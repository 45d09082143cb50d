import "server-only";

import { db } from "@/lib/db";

import { documentTerms, type PaperText, type TermCount } from "./document-terms";
import { INDEXED_TERMS, weighTerms } from "./document-vector";
import type { IndexedPaper } from "./index-paper-vectors";
import { updateSimilarPapers } from "./update-similar-papers";

/** Papers read per statement while counting, and written per transaction. */
const PAPERS_PER_CHUNK = 5_000;
/** Papers per similar-papers transaction, as refreshSimilarPapers takes them. */
const SIMILAR_PER_CHUNK = 500;
/** Vocabulary rows per statement. */
const TERMS_PER_STATEMENT = 50_000;

export type ReindexProgress = { stage: "counting" | "vocabulary" | "vectors" | "similar papers"; done: number; total: number };

export type ReindexSummary = { papers: number; terms: number; similarPapers: number; queued: number };

type CorpusPaper = PaperText & { id: number; listedOn: string };

/**
 * Rebuilds every paper's vector and postings in bulk (a first deploy over an existing corpus, a
 * change to how terms are weighed), and the newest `similarPapers` papers' similar papers; the rest
 * stay queued for the refresh. How and why it differs from refreshSimilarPapers: docs/similarity.md.
 */
export async function reindexCorpus(
  options: { similarPapers?: number; onProgress?: (progress: ReindexProgress) => void } = {},
): Promise<ReindexSummary> {
  const onProgress = options.onProgress ?? (() => {});
  const [{ papers: total, last }] = await db.$queryRaw<[{ papers: number; last: number | null }]>`
    SELECT count(*)::int AS papers, max(id) AS last FROM paper`;
  if (last === null) return { papers: 0, terms: 0, similarPapers: 0, queued: 0 };

  // One pass over the text: document frequencies, how each term reads in the first paper that has
  // it, and each paper's terms as vocabulary places and counts (packed, a few bytes a term), so that
  // weighing them needs no second reading of the corpus.
  const termIndex = new Map<string, number>();
  const terms: string[] = [];
  const labels: string[] = [];
  let frequencies: Int32Array = new Int32Array(1 << 16);
  const chunks: PackedChunk[] = [];
  let counted = 0;
  for await (const papers of corpusChunks(last)) {
    const chunk = packChunk(papers, (term, label) => {
      let index = termIndex.get(term);
      if (index === undefined) {
        index = terms.length;
        termIndex.set(term, index);
        terms.push(term);
        labels.push(label);
        if (index === frequencies.length) frequencies = grow(frequencies);
      }
      frequencies[index]! += 1;
      return index;
    });
    chunks.push(chunk);
    counted += papers.length;
    onProgress({ stage: "counting", done: counted, total });
  }

  const termIds = await writeVocabulary(terms, labels, frequencies, onProgress);
  const papersWithTerm = (term: string) => frequencies[termIndex.get(term)!]!;
  const vectorOf = (termCounts: Map<string, TermCount>) => {
    const vector = weighTerms(termCounts, papersWithTerm, counted);
    return { vector, termIds: vector.terms.map((term) => termIds[termIndex.get(term)!]!) };
  };

  let written = 0;
  for (const chunk of chunks) {
    const papers = chunk.ids.map((id, paper) => {
      const termCounts = new Map<string, TermCount>();
      for (let k = chunk.start[paper]!; k < chunk.start[paper + 1]!; k++)
        termCounts.set(terms[chunk.terms[k]!]!, { count: chunk.counts[k]!, label: "" });
      return { id, listedOn: chunk.listedOn[paper]!, ...vectorOf(termCounts) };
    });
    await writeVectors(papers);
    written += papers.length;
    onProgress({ stage: "vectors", done: written, total: counted });
  }
  chunks.length = 0;

  const similarTotal = Math.min(options.similarPapers ?? counted, counted);
  let similar = 0;
  let before = last + 1;
  while (similar < similarTotal) {
    // Newest first: the papers readers open most.
    const papers = await db.$queryRaw<CorpusPaper[]>`
      SELECT id, title, abstract, authors, categories, to_char(listed_on, 'YYYY-MM-DD') AS "listedOn"
      FROM paper WHERE id < ${before} ORDER BY id DESC LIMIT ${Math.min(SIMILAR_PER_CHUNK, similarTotal - similar)}`;
    if (papers.length === 0) break;
    await db.$transaction(
      async (tx) => {
        await updateSimilarPapers(
          tx,
          papers.map((paper) => {
            const termCounts = documentTerms(paper);
            return { id: paper.id, terms: termCounts, ...vectorOf(termCounts) };
          }),
        );
        await tx.$executeRaw`DELETE FROM similarity_queue WHERE paper_id = ANY(${papers.map((paper) => paper.id)}::int[])`;
      },
      { timeout: 300_000 },
    );
    similar += papers.length;
    before = papers.at(-1)!.id;
    onProgress({ stage: "similar papers", done: similar, total: similarTotal });
  }

  const [{ queued }] = await db.$queryRaw<[{ queued: number }]>`SELECT count(*)::int AS queued FROM similarity_queue`;
  return { papers: counted, terms: labels.length, similarPapers: similar, queued };
}

/** A chunk of papers' terms, packed: paper i's are terms[start[i] … start[i + 1]), with their counts. */
type PackedChunk = { ids: number[]; listedOn: string[]; start: Int32Array; terms: Int32Array; counts: Uint16Array };

function packChunk(papers: CorpusPaper[], place: (term: string, label: string) => number): PackedChunk {
  const start = new Int32Array(papers.length + 1);
  const places: number[] = [];
  const counts: number[] = [];
  papers.forEach((paper, index) => {
    for (const [term, { count, label }] of documentTerms(paper)) {
      places.push(place(term, label));
      counts.push(Math.min(count, 65_535));
    }
    start[index + 1] = places.length;
  });
  return {
    ids: papers.map((paper) => paper.id),
    listedOn: papers.map((paper) => paper.listedOn),
    start,
    terms: Int32Array.from(places),
    counts: Uint16Array.from(counts),
  };
}

function grow(array: Int32Array): Int32Array {
  const larger = new Int32Array(array.length * 2);
  larger.set(array);
  return larger;
}

/** The papers up to id `last`, in id order, a chunk at a time (keyset pagination: no offset to skip). */
async function* corpusChunks(last: number): AsyncGenerator<CorpusPaper[]> {
  let after = 0;
  for (;;) {
    const papers = await db.$queryRaw<CorpusPaper[]>`
      SELECT id, title, abstract, authors, categories, to_char(listed_on, 'YYYY-MM-DD') AS "listedOn"
      FROM paper WHERE id > ${after} AND id <= ${last} ORDER BY id LIMIT ${PAPERS_PER_CHUNK}`;
    if (papers.length === 0) return;
    yield papers;
    after = papers.at(-1)!.id;
  }
}

/**
 * Sets the vocabulary's document frequencies to the corpus's, in one transaction (a refresh running
 * meanwhile reads either the old counts or the new ones): terms no paper has any more count zero,
 * known terms keep their id and label. Returns each term's id, by its place in `terms`.
 */
async function writeVocabulary(
  terms: string[],
  labels: string[],
  frequencies: Int32Array,
  onProgress: (progress: ReindexProgress) => void,
): Promise<Int32Array> {
  const ids = new Int32Array(terms.length);
  await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`UPDATE similarity_term SET papers = 0 WHERE papers <> 0`;
      for (let start = 0; start < terms.length; start += TERMS_PER_STATEMENT) {
        const end = Math.min(start + TERMS_PER_STATEMENT, terms.length);
        const rows = await tx.$queryRaw<{ id: number; term: string }[]>`
          INSERT INTO similarity_term AS t (term, label, papers)
          SELECT term, label, papers
          FROM unnest(${terms.slice(start, end)}::text[], ${labels.slice(start, end)}::text[], ${Array.from(frequencies.subarray(start, end))}::int[])
            AS x(term, label, papers)
          ON CONFLICT (term) DO UPDATE SET papers = EXCLUDED.papers
          RETURNING t.id, t.term`;
        const place = new Map(terms.slice(start, end).map((term, offset) => [term, start + offset]));
        for (const row of rows) ids[place.get(row.term)!] = row.id;
        onProgress({ stage: "vocabulary", done: end, total: terms.length });
      }
    },
    { timeout: 3_600_000 },
  );
  return ids;
}

/** A chunk's vectors and postings, replacing what the papers had, in one transaction of three statements. */
async function writeVectors(papers: (Omit<IndexedPaper, "terms"> & { listedOn: string })[]): Promise<void> {
  const ids = papers.map((paper) => paper.id);
  const postings = papers.flatMap((paper) =>
    paper.termIds
      .slice(0, INDEXED_TERMS)
      .map((termId, index) => ({ paper: paper.id, termId, weight: paper.vector.weights[index]!, listedOn: paper.listedOn })),
  );
  await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`
        INSERT INTO paper_vector (paper_id, term_ids, weights)
        SELECT paper_id, term_ids::int[], weights::real[]
        FROM unnest(${ids}::int[], ${papers.map((paper) => `{${paper.termIds.join(",")}}`)}::text[], ${papers.map((paper) => `{${paper.vector.weights.join(",")}}`)}::text[])
          AS x(paper_id, term_ids, weights)
        ON CONFLICT (paper_id) DO UPDATE SET term_ids = EXCLUDED.term_ids, weights = EXCLUDED.weights, computed_at = now()`;
      await tx.$executeRaw`DELETE FROM similarity_posting WHERE paper_id = ANY(${ids}::int[])`;
      await tx.$executeRaw`
        INSERT INTO similarity_posting (paper_id, term_id, weight, listed_on)
        SELECT * FROM unnest(${postings.map((posting) => posting.paper)}::int[], ${postings.map((posting) => posting.termId)}::int[],
          ${postings.map((posting) => posting.weight)}::real[], ${postings.map((posting) => posting.listedOn)}::date[])`;
    },
    { timeout: 300_000 },
  );
}
