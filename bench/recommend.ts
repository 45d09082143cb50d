// Recommendations: `/api/recommendations` for a reader with 10 liked papers through `next start`,
// and retraining a 500-paper reader's model in-process, timed next to loading its vectors (the
// reference: a read every retraining does anyway), wall and CPU time, with the machine's load.
import os from "node:os";
import { performance } from "node:perf_hooks";

import pg from "pg";

import { fetchJson, measure, ms, percentile, ratio } from "./measure";

const LIKED = 10;
const LIBRARY = 500;
const RETRAINS = 30;

/**
 * Computes the vectors and similar papers the corpus generator leaves queued (the triggers on
 * `paper` queue every row it writes), with the app's own refresh. Kept between runs like the
 * corpus: at 100k it takes hours on a loaded machine, so BENCH_SKIP_INDEXING=1 measures on the
 * vectors already there (the report says how many).
 */
async function indexBenchCorpus(databaseUrl: string): Promise<void> {
  const { refreshSimilarPapers } = await import("../lib/similarity/refresh-similar-papers");
  const started = Date.now();
  const { papers } = await refreshSimilarPapers();
  if (papers > 0)
    console.error(
      `Indexed ${papers.toLocaleString("en-US")} papers in ${((Date.now() - started) / 1000).toFixed(0)} s (${databaseUrl.split("/").at(-1)})`,
    );
}

/** Wall and CPU (this process's user time) milliseconds of `work`, each sorted. */
async function timeWork(work: () => Promise<unknown> | unknown, runs: number) {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let run = -3; run < runs; run++) {
    const cpuBefore = process.cpuUsage();
    const before = performance.now();
    await work();
    if (run < 0) continue; // warm-up
    wall.push(performance.now() - before);
    cpu.push(process.cpuUsage(cpuBefore).user / 1000);
  }
  return { wall: wall.sort((a, b) => a - b), cpu: cpu.sort((a, b) => a - b) };
}

const load = () =>
  os
    .loadavg()
    .map((value) => value.toFixed(1))
    .join(" / ");

export async function benchRecommend(ctx: { databaseUrl: string; baseUrl: string; papers: number }): Promise<string> {
  process.env.DATABASE_URL = ctx.databaseUrl;
  process.env.APP_SECRET ??= "bench-secret-bench-secret-bench-secret-01";
  if (!process.env.BENCH_SKIP_INDEXING) await indexBenchCorpus(ctx.databaseUrl);
  const client = new pg.Client({ connectionString: ctx.databaseUrl });
  await client.connect();
  const loadBefore = load();
  try {
    await client.query("ANALYZE paper_vector; ANALYZE similarity_posting; ANALYZE similar_paper");
    const { rows: counts } = await client.query<{ indexed: number; papers: number }>(
      "SELECT (SELECT count(*)::int FROM paper_vector) AS indexed, (SELECT count(*)::int FROM paper) AS papers",
    );
    // A coherent reader: an indexed paper and the nine papers stored as most similar to it.
    const { rows: liked } = await client.query<{ arxivId: string }>(
      `WITH seed AS (SELECT paper_id FROM similar_paper GROUP BY paper_id HAVING count(*) >= $1 - 1 ORDER BY paper_id LIMIT 1)
       SELECT p.arxiv_id AS "arxivId" FROM paper p WHERE p.id = (SELECT paper_id FROM seed)
       UNION ALL
       (SELECT p.arxiv_id FROM similar_paper s JOIN paper p ON p.id = s.similar_id
        WHERE s.paper_id = (SELECT paper_id FROM seed) ORDER BY s.score DESC LIMIT $1 - 1)`,
      [LIKED],
    );
    const ids = liked.map((row) => row.arxivId).join(",");
    const rows: string[] = [];
    for (const [name, path] of [
      [`${LIKED} liked, all time, 20 papers`, `/api/recommendations?liked=${ids}&limit=20`],
      [`${LIKED} liked, this month, 20 papers`, `/api/recommendations?liked=${ids}&limit=20&period=month`],
      [
        `${LIKED} liked + 1 disliked, this week`,
        `/api/recommendations?liked=${liked.slice(1).map((row) => row.arxivId)}&disliked=${liked[0]!.arxivId}&limit=20&period=week`,
      ],
      ["floor: /api/health", "/api/health"],
    ] as const) {
      const timing = await measure(() => fetchJson(`${ctx.baseUrl}${path}`), 100, 10);
      rows.push(`| ${name} | ${ms(timing.p50)} | ${ms(timing.p95)} |`);
    }

    const { readDb } = await import("../lib/db-read");
    const { loadVectorsByTermId } = await import("../lib/similarity/load-vectors");
    const { sampleBackground } = await import("../lib/recommend/sample-background");
    const { trainReaderModel } = await import("../lib/recommend/reader-model");
    // A 500-paper library of ten subjects: ten indexed papers spread over the ids and their similar papers, topped up by id.
    const { rows: library } = await client.query<{ id: number }>(
      `WITH seeds AS (SELECT paper_id FROM paper_vector WHERE paper_id % 97 = 0 ORDER BY paper_id LIMIT 50)
       SELECT id FROM (
         SELECT paper_id AS id, 0 AS rank FROM seeds
         UNION SELECT s.similar_id, 1 FROM similar_paper s JOIN seeds USING (paper_id)
         UNION SELECT paper_id, 2 FROM (SELECT paper_id FROM paper_vector ORDER BY paper_id LIMIT $1) fill
       ) library GROUP BY id ORDER BY min(rank), id LIMIT $1`,
      [LIBRARY],
    );
    const own = library.map((row) => row.id);
    const vectors = await loadVectorsByTermId(readDb, own);
    const background = await sampleBackground(own);
    const set = { liked: [...vectors.values()], disliked: [], background: [...background.values()] };
    const loading = await timeWork(() => loadVectorsByTermId(readDb, own), RETRAINS);
    const training = await timeWork(() => trainReaderModel(set), RETRAINS);
    const stored = [...set.liked, ...set.background].reduce((sum, vector) => sum + vector.terms.length, 0);
    const line = (name: string, timing: { wall: number[]; cpu: number[] }) =>
      `| ${name} | ${ms(percentile(timing.wall, 0.5))} | ${ms(percentile(timing.wall, 0.95))} | ${ms(percentile(timing.cpu, 0.5))} | ${ratio(percentile(timing.wall, 0.5), percentile(loading.wall, 0.5))} |`;
    return [
      "## Recommendations",
      "",
      `${counts[0]!.indexed.toLocaleString("en-US")} of ${counts[0]!.papers.toLocaleString("en-US")} papers indexed (vectors, postings, similar papers). Load average (1 / 5 / 15 min) ${loadBefore} before, ${load()} after, on ${os.cpus().length} cores.`,
      "",
      `\`GET /api/recommendations\` through \`next start\`, a reader who liked ${LIKED} papers on one subject; 100 runs each after 10 warm-up runs.`,
      "",
      "| request | p50 | p95 |",
      "|---|---|---|",
      ...rows,
      "",
      `Retraining a ${own.length}-paper library against ${set.background.length} background papers (${stored.toLocaleString("en-US")} stored weights), in-process, ${RETRAINS} runs after 3 warm-ups; CPU is this process's user time, which a loaded machine inflates less than wall time.`,
      "",
      "| step | wall p50 | wall p95 | CPU p50 | wall ÷ loading |",
      "|---|---|---|---|---|",
      line(`reference: loading the ${own.length} vectors`, loading),
      line("training the model (dual coordinate descent)", training),
    ].join("\n");
  } finally {
    await client.end();
  }
}
