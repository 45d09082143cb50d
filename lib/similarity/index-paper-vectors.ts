import "server-only";

import type { Prisma } from "@/lib/generated/prisma/client";

import { documentTerms, type PaperText, type TermCount } from "./document-terms";
import { INDEXED_TERMS, weighTerms, type DocumentVector } from "./document-vector";

type Tx = Prisma.TransactionClient;

/** A freshly indexed paper: its terms, its vector, and the vector's terms as vocabulary ids (how stored vectors hold them). */
export type IndexedPaper = { id: number; terms: Map<string, TermCount>; vector: DocumentVector; termIds: number[] };

type QueuedPaper = PaperText & { id: number; listedOn: string; indexed: boolean };

/**
 * Claims up to `limit` queued papers (skipping those another refresher holds), computes their terms
 * and tf-idf vectors, counts new papers into the vocabulary, and writes the vectors and the
 * inverted index's postings. Returns the papers, with vectors over term strings, for the
 * similar-paper step; nothing when the queue is empty.
 */
export async function indexPaperVectors(tx: Tx, limit: number): Promise<IndexedPaper[]> {
  const queued = await tx.$queryRaw<QueuedPaper[]>`
    SELECT p.id, p.title, p.abstract, p.authors, p.categories, to_char(p.listed_on, 'YYYY-MM-DD') AS "listedOn",
      EXISTS (SELECT 1 FROM paper_vector v WHERE v.paper_id = p.id) AS indexed
    FROM similarity_queue q JOIN paper p ON p.id = q.paper_id
    ORDER BY q.paper_id
    LIMIT ${limit}
    FOR UPDATE OF q SKIP LOCKED`;
  if (queued.length === 0) return [];

  const termsByPaper = queued.map((paper) => documentTerms(paper));
  // A paper seen before was counted then; its revised text does not count again.
  const increments = new Map<string, { label: string; papers: number }>();
  termsByPaper.forEach((terms, index) => {
    const isNew = !queued[index]!.indexed;
    for (const [term, { label }] of terms) {
      const entry = increments.get(term) ?? { label, papers: 0 };
      if (isNew) entry.papers += 1;
      increments.set(term, entry);
    }
  });
  const vocabulary = await addToVocabulary(tx, increments);
  const [{ papers: indexedBefore }] = await tx.$queryRaw<[{ papers: number }]>`SELECT count(*)::int AS papers FROM paper_vector`;
  const corpusSize = indexedBefore + queued.filter((paper) => !paper.indexed).length;

  const indexed = queued.map((paper, index) => {
    const terms = termsByPaper[index]!;
    const vector = weighTerms(terms, (term) => vocabulary.get(term)?.papers ?? 1, corpusSize);
    return { id: paper.id, listedOn: paper.listedOn, terms, vector, termIds: vector.terms.map((term) => vocabulary.get(term)!.id) };
  });
  const idOf = (term: string) => vocabulary.get(term)!.id;

  const vectors = indexed.map((paper) => ({ paper_id: paper.id, term_ids: paper.termIds, weights: paper.vector.weights }));
  await tx.$executeRaw`
    INSERT INTO paper_vector (paper_id, term_ids, weights)
    SELECT paper_id, term_ids, weights FROM jsonb_to_recordset(${JSON.stringify(vectors)}::jsonb) AS x(paper_id int, term_ids int[], weights real[])
    ON CONFLICT (paper_id) DO UPDATE SET term_ids = EXCLUDED.term_ids, weights = EXCLUDED.weights, computed_at = now()`;

  const ids = indexed.map((paper) => paper.id);
  const postings = indexed.flatMap((paper) =>
    paper.vector.terms.slice(0, INDEXED_TERMS).map((term, index) => ({
      paper_id: paper.id,
      term_id: idOf(term),
      weight: paper.vector.weights[index],
      listed_on: paper.listedOn,
    })),
  );
  await tx.$executeRaw`DELETE FROM similarity_posting WHERE paper_id = ANY(${ids}::int[])`;
  await tx.$executeRaw`
    INSERT INTO similarity_posting (paper_id, term_id, weight, listed_on)
    SELECT paper_id, term_id, weight, listed_on
    FROM jsonb_to_recordset(${JSON.stringify(postings)}::jsonb) AS x(paper_id int, term_id int, weight real, listed_on date)`;

  await tx.$executeRaw`DELETE FROM similarity_queue WHERE paper_id = ANY(${ids}::int[])`;
  return indexed.map(({ id, terms, vector, termIds }) => ({ id, terms, vector, termIds }));
}

/**
 * Adds the terms (and how many new papers use each) to the vocabulary in one statement, in term
 * order so that concurrent refreshers cannot deadlock; returns every term's id and paper count.
 */
async function addToVocabulary(tx: Tx, increments: Map<string, { label: string; papers: number }>) {
  const terms = [...increments.keys()].sort();
  const rows = await tx.$queryRaw<{ id: number; term: string; papers: number }[]>`
    INSERT INTO similarity_term AS t (term, label, papers)
    SELECT term, label, papers
    FROM unnest(${terms}::text[], ${terms.map((term) => increments.get(term)!.label)}::text[], ${terms.map((term) => increments.get(term)!.papers)}::int[])
      AS x(term, label, papers)
    ORDER BY term
    ON CONFLICT (term) DO UPDATE SET papers = t.papers + EXCLUDED.papers
    RETURNING t.id, t.term, t.papers`;
  return new Map(rows.map((row) => [row.term, { id: row.id, papers: row.papers }]));
}
