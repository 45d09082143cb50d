import { describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { refreshSimilarPapers } from "@/lib/similarity/refresh-similar-papers";
import { reindexCorpus } from "@/lib/similarity/reindex-corpus";

type Snapshot = {
  vectors: { paperId: number; terms: string[]; weights: number[] }[];
  postings: { paperId: number; term: string; weight: number; listedOn: string }[];
  similar: { paperId: number; similarId: number; score: number; sharedTerms: string[] }[];
  terms: { term: string; papers: number }[];
};

/** Everything similarity stores, with term ids read as terms. */
async function snapshot(): Promise<Snapshot> {
  const [vectors, postings, similar, terms] = await Promise.all([
    db.$queryRaw<Snapshot["vectors"]>`
      SELECT v.paper_id AS "paperId", array_agg(t.term ORDER BY x.position) AS terms, array_agg(x.weight ORDER BY x.position) AS weights
      FROM paper_vector v CROSS JOIN LATERAL unnest(v.term_ids, v.weights) WITH ORDINALITY AS x(term_id, weight, position)
      JOIN similarity_term t ON t.id = x.term_id
      GROUP BY v.paper_id ORDER BY v.paper_id`,
    db.$queryRaw<Snapshot["postings"]>`
      SELECT s.paper_id AS "paperId", t.term, s.weight, s.listed_on::text AS "listedOn"
      FROM similarity_posting s JOIN similarity_term t ON t.id = s.term_id ORDER BY s.paper_id, t.term`,
    db.$queryRaw<Snapshot["similar"]>`
      SELECT paper_id AS "paperId", similar_id AS "similarId", score, shared_terms AS "sharedTerms"
      FROM similar_paper ORDER BY paper_id, similar_id`,
    db.$queryRaw<Snapshot["terms"]>`SELECT term, papers FROM similarity_term WHERE papers > 0 ORDER BY term`,
  ]);
  return { vectors, postings, similar, terms };
}

/** Forgets every vector and queues every paper, as a first deploy over an existing corpus finds them. */
async function forgetEverything() {
  await db.$executeRaw`DELETE FROM similar_paper`;
  await db.$executeRaw`DELETE FROM similarity_posting`;
  await db.$executeRaw`DELETE FROM paper_vector`;
  await db.$executeRaw`UPDATE similarity_term SET papers = 0`;
  await db.$executeRaw`INSERT INTO similarity_queue (paper_id) SELECT id FROM paper ON CONFLICT DO NOTHING`;
}

describe("reindexCorpus", () => {
  it("stores what the refresh stores when it sees the whole corpus at once, and empties the queue", async () => {
    await forgetEverything();
    const papers = await db.paper.count();
    // Below the refresh's chunk, one transaction counts every paper: the same frequencies as a bulk count.
    expect(papers).toBeLessThan(500);
    expect(await refreshSimilarPapers()).toEqual({ papers });
    const refreshed = await snapshot();
    expect(refreshed.similar.length).toBeGreaterThan(0);

    await forgetEverything();
    const summary = await reindexCorpus();
    expect(summary).toMatchObject({ papers, similarPapers: papers, queued: 0 });
    const reindexed = await snapshot();
    expect(reindexed.terms).toEqual(refreshed.terms);
    expect(reindexed.vectors.map(({ paperId, terms }) => ({ paperId, terms }))).toEqual(
      refreshed.vectors.map(({ paperId, terms }) => ({ paperId, terms })),
    );
    reindexed.vectors.forEach((vector, index) =>
      vector.weights.forEach((weight, position) => expect(weight).toBeCloseTo(refreshed.vectors[index]!.weights[position]!, 6)),
    );
    expect(reindexed.postings.map(({ weight: _weight, ...posting }) => posting)).toEqual(
      refreshed.postings.map(({ weight: _weight, ...posting }) => posting),
    );
    expect(reindexed.similar.map(({ score: _score, ...match }) => match)).toEqual(
      refreshed.similar.map(({ score: _score, ...match }) => match),
    );
  });

  it("computes similar papers for the newest papers only when told, leaving the rest queued for the refresh", async () => {
    await forgetEverything();
    const papers = await db.paper.count();
    const summary = await reindexCorpus({ similarPapers: 10 });
    expect(summary).toMatchObject({ papers, similarPapers: 10, queued: papers - 10 });
    expect(await db.$queryRaw`SELECT count(*)::int AS count FROM paper_vector`).toEqual([{ count: papers }]);
    const newest = await db.paper.findMany({ orderBy: { id: "desc" }, take: 10, select: { id: true } });
    const queued = await db.$queryRaw<{ paperId: number }[]>`SELECT paper_id AS "paperId" FROM similarity_queue`;
    expect(queued.some((row) => newest.some((paper) => paper.id === row.paperId))).toBe(false);
    // The refresh completes the rest, as the scheduler's job would.
    expect(await refreshSimilarPapers()).toEqual({ papers: papers - 10 });
  });
});
