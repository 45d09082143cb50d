import type pg from "pg";

/**
 * Vectors and similar papers for the corpus the generator leaves queued (the triggers on `paper`
 * queue every row it writes), so that pages show what they show on a real corpus: a paper its similar
 * papers, a reader their recommendations. A corpus without vectors is indexed in bulk with the app's
 * own reindex (similar papers for the newest BENCH_SIMILAR_PAPERS papers, all by default); one that
 * has them is brought up to date by the refresh. Kept between runs like the corpus;
 * BENCH_SKIP_INDEXING=1 measures on what is there; either way the tables are then vacuumed and
 * analysed. Needs DATABASE_URL set to the bench database.
 * Returns what it did, for the report, or null when there was nothing to do.
 */
export async function indexBenchCorpus(client: pg.Client): Promise<string | null> {
  const done = await updateIndex(client);
  // As autovacuum leaves a server that runs it (this machine's runs without): statistics for the
  // planner, and visibility maps for index-only scans. Unanalysed, the For you candidates' query
  // took 30 ms and two parallel workers where it takes 3.
  await client.query("VACUUM ANALYZE paper, paper_vector, similarity_posting, similarity_term, similar_paper");
  return done;
}

async function updateIndex(client: pg.Client): Promise<string | null> {
  const { rows } = await client.query<{ indexed: number }>("SELECT count(*)::int AS indexed FROM paper_vector");
  const started = Date.now();
  const seconds = () => ((Date.now() - started) / 1000).toFixed(0);
  if (rows[0]!.indexed === 0) {
    const { reindexCorpus } = await import("../lib/similarity/reindex-corpus");
    const similarPapers = process.env.BENCH_SIMILAR_PAPERS ? Number(process.env.BENCH_SIMILAR_PAPERS) : undefined;
    const summary = await reindexCorpus({ similarPapers });
    return `Indexed in bulk (\`reindexCorpus\`): ${summary.papers.toLocaleString("en-US")} papers over ${summary.terms.toLocaleString("en-US")} terms, similar papers for ${summary.similarPapers.toLocaleString("en-US")}, in ${seconds()} s.`;
  }
  if (process.env.BENCH_SKIP_INDEXING) return null;
  const { refreshSimilarPapers } = await import("../lib/similarity/refresh-similar-papers");
  const { papers } = await refreshSimilarPapers();
  return papers > 0 ? `Refreshed ${papers.toLocaleString("en-US")} queued papers in ${seconds()} s.` : null;
}

/** How much of the corpus is indexed: papers with vectors and papers with similar papers. */
export async function indexCoverage(client: pg.Client): Promise<{ papers: number; indexed: number; similar: number }> {
  const { rows } = await client.query<{ indexed: number; papers: number; similar: number }>(
    `SELECT (SELECT count(*)::int FROM paper_vector) AS indexed, (SELECT count(*)::int FROM paper) AS papers,
      (SELECT count(DISTINCT paper_id)::int FROM similar_paper) AS similar`,
  );
  return rows[0]!;
}
