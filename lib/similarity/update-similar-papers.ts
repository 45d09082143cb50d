import "server-only";

import type { Prisma } from "@/lib/generated/prisma/client";

import { isContentTerm } from "./document-terms";
import { cosine, isSimilar } from "./document-vector";
import type { IndexedPaper } from "./index-paper-vectors";
import { loadVectorsByTermId } from "./load-vectors";
import { sharedTermLabels } from "./shared-term-labels";

type Tx = Prisma.TransactionClient;

/** Similar papers kept per paper. */
export const SIMILAR_PAPERS_KEPT = 10;
/** Postings read per indexed term of a paper: the papers for which that term weighs most. */
const POSTINGS_PER_TERM = 25;
/** Candidates per paper whose full vectors are compared, chosen by their score over indexed terms. */
const CANDIDATES_SCORED = 40;

type Match = { paperId: number; similarId: number; score: number; sharedTerms: string[] };

/**
 * Finds the similar papers of freshly indexed papers and stores them, and offers each of them to
 * its neighbours' lists, which keep their best SIMILAR_PAPERS_KEPT: so new papers also refresh the
 * lists of the papers already there. Candidates come from the inverted index (each of the paper's
 * indexed terms against the papers that term is strongest in), never from a scan of the corpus; the
 * best of them by that partial score are then compared on their full stored vectors, by term id.
 */
export async function updateSimilarPapers(tx: Tx, papers: IndexedPaper[]): Promise<void> {
  const ids = papers.map((paper) => paper.id);
  const candidates = await tx.$queryRaw<{ paperId: number; candidates: number[] }[]>`
    WITH scored AS (
      SELECT q.paper_id, c.paper_id AS candidate, sum(q.weight * c.weight) AS partial
      FROM similarity_posting q
      CROSS JOIN LATERAL (
        SELECT s.paper_id, s.weight FROM similarity_posting s
        WHERE s.term_id = q.term_id ORDER BY s.weight DESC LIMIT ${POSTINGS_PER_TERM}
      ) c
      WHERE q.paper_id = ANY(${ids}::int[]) AND c.paper_id <> q.paper_id
      GROUP BY q.paper_id, c.paper_id
    ),
    ranked AS (
      SELECT paper_id, candidate, row_number() OVER (PARTITION BY paper_id ORDER BY partial DESC, candidate) AS position
      FROM scored
    )
    SELECT paper_id AS "paperId", array_agg(candidate) AS candidates
    FROM ranked WHERE position <= ${CANDIDATES_SCORED}
    GROUP BY paper_id`;

  const candidateIds = [...new Set(candidates.flatMap((row) => row.candidates))];
  const vectors = await loadVectorsByTermId(tx, candidateIds);
  const byId = new Map(papers.map((paper) => [paper.id, paper]));
  // Two papers of one chunk find each other twice; one row per direction is kept.
  const matches = new Map<string, Match>();
  const keep = (match: Match) => matches.set(`${match.paperId} ${match.similarId}`, match);
  for (const row of candidates) {
    const paper = byId.get(row.paperId)!;
    const own = new Map(paper.termIds.map((termId, index) => [termId, paper.vector.weights[index]!]));
    const termOf = new Map(paper.termIds.map((termId, index) => [termId, paper.vector.terms[index]!]));
    const best = row.candidates
      .flatMap((candidate) => {
        const vector = vectors.get(candidate);
        if (!vector) return [];
        const { score, shared } = cosine(own, vector);
        const match = { score, shared: shared.map((entry) => ({ term: termOf.get(entry.term)!, contribution: entry.contribution })) };
        return isSimilar(match, isContentTerm) ? [{ candidate, ...match }] : [];
      })
      .sort((a, b) => b.score - a.score || b.candidate - a.candidate)
      .slice(0, SIMILAR_PAPERS_KEPT);
    for (const match of best) {
      const sharedTerms = sharedTermLabels(match.shared, (entry) => paper.terms.get(entry.term)?.label);
      keep({ paperId: paper.id, similarId: match.candidate, score: match.score, sharedTerms });
      keep({ paperId: match.candidate, similarId: paper.id, score: match.score, sharedTerms });
    }
  }

  // A revised paper's old matches go, in both directions, before its new ones are written.
  await tx.$executeRaw`DELETE FROM similar_paper WHERE paper_id = ANY(${ids}::int[]) OR similar_id = ANY(${ids}::int[])`;
  const rows = [...matches.values()].map((match) => ({
    paper_id: match.paperId,
    similar_id: match.similarId,
    score: match.score,
    shared_terms: match.sharedTerms,
  }));
  await tx.$executeRaw`
    INSERT INTO similar_paper (paper_id, similar_id, score, shared_terms)
    SELECT paper_id, similar_id, score, shared_terms
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(paper_id int, similar_id int, score real, shared_terms text[])
    ORDER BY paper_id, similar_id
    ON CONFLICT (paper_id, similar_id) DO UPDATE SET score = EXCLUDED.score, shared_terms = EXCLUDED.shared_terms`;
  const touched = [...new Set([...matches.values()].map((match) => match.paperId))];
  await tx.$executeRaw`
    DELETE FROM similar_paper s
    USING (
      SELECT paper_id, similar_id, row_number() OVER (PARTITION BY paper_id ORDER BY score DESC, similar_id DESC) AS position
      FROM similar_paper WHERE paper_id = ANY(${touched}::int[])
    ) ranked
    WHERE s.paper_id = ranked.paper_id AND s.similar_id = ranked.similar_id AND ranked.position > ${SIMILAR_PAPERS_KEPT}`;
}
