// Recommendations: `/api/recommendations` for a reader with 10 liked papers through `next start`,
// and retraining a 500-paper reader's model in-process (the training alone, and the app's whole
// retrainReaderModel that every save runs), timed next to loading its vectors (the reference: a read
// every retraining does anyway), wall and CPU time, with the machine's load.
import os from "node:os";
import { performance } from "node:perf_hooks";

import pg from "pg";

import { pointAppAtBenchDatabase } from "./bench-database";
import { indexBenchCorpus, indexCoverage } from "./bench-index";
import { fetchJson, measure, ms, percentile, ratio } from "./measure";

const LIKED = 10;
const LIBRARY = 500;
const RETRAINS = 30;

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
  pointAppAtBenchDatabase(ctx.databaseUrl);
  const client = new pg.Client({ connectionString: ctx.databaseUrl });
  await client.connect();
  const indexing = await indexBenchCorpus(client);
  const loadBefore = load();
  let readerId: number | null = null;
  try {
    const coverage = await indexCoverage(client);
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
    const { learnTaste } = await import("../lib/recommend/reader-scorer");
    const { retrainReaderModel } = await import("../lib/recommend/stored-reader-model");
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
    const training = await timeWork(() => learnTaste(set), RETRAINS);
    // /for-you for a signed-in reader, through the app's own verbs: a reader, a library saved by
    // arXiv id, a session cookie. First the ten papers of one subject, then the 500-paper library.
    const { db } = await import("../lib/db");
    const { savePapers } = await import("../lib/library/save-papers");
    const { createSession } = await import("../lib/readers/sessions");
    const { SESSION_COOKIE } = await import("../lib/readers/session-cookie");
    readerId = (await db.reader.create({ data: { email: "bench-for-you@example.org" }, select: { id: true } })).id;
    const cookie = `${SESSION_COOKIE}=${await createSession(readerId)}`;
    const page = async (path: string) => {
      const response = await fetch(`${ctx.baseUrl}${path}`, { headers: { cookie } });
      const html = await response.text();
      // The signed-out page explains how saving works; a signed-in reader's page links their taste editor.
      if (response.status !== 200 || !html.includes("/for-you/taste"))
        throw new Error(`${path} answered ${response.status}, not signed in`);
    };
    const forYou: string[] = [];
    await savePapers(
      readerId,
      liked.map((row) => row.arxivId),
    );
    for (const [name, path] of [
      [`${LIKED}-paper library, this week (the default)`, "/for-you"],
      [`${LIKED}-paper library, all time`, "/for-you?period=all"],
    ] as const) {
      const timing = await measure(() => page(path), 50, 5);
      forYou.push(`| ${name} | ${ms(timing.p50)} | ${ms(timing.p95)} |`);
    }
    const { rows: libraryIds } = await client.query<{ arxivId: string }>(
      `SELECT arxiv_id AS "arxivId" FROM paper WHERE id = ANY($1::int[])`,
      [own],
    );
    await savePapers(
      readerId,
      libraryIds.map((row) => row.arxivId),
    );
    const retraining = await timeWork(() => retrainReaderModel(readerId!), RETRAINS);
    for (const [name, path] of [
      [`${own.length}-paper library, this week`, "/for-you"],
      [`${own.length}-paper library, all time`, "/for-you?period=all"],
    ] as const) {
      const timing = await measure(() => page(path), 50, 5);
      forYou.push(`| ${name} | ${ms(timing.p50)} | ${ms(timing.p95)} |`);
    }

    // Similar papers as the paper page reads them: a key lookup in similar_paper.
    const { getSimilarPapers } = await import("../lib/similarity/get-similar-papers");
    const { rows: withSimilar } = await client.query<{ id: number }>(
      "SELECT paper_id AS id FROM similar_paper GROUP BY paper_id ORDER BY hashint4(paper_id) LIMIT 200",
    );
    let next = 0;
    const similarRead = await measure(() => getSimilarPapers(withSimilar[next++ % withSimilar.length]!.id), 200, 20);

    const stored = [...set.liked, ...set.background].reduce((sum, vector) => sum + vector.terms.length, 0);
    const line = (name: string, timing: { wall: number[]; cpu: number[] }) =>
      `| ${name} | ${ms(percentile(timing.wall, 0.5))} | ${ms(percentile(timing.wall, 0.95))} | ${ms(percentile(timing.cpu, 0.5))} | ${ratio(percentile(timing.wall, 0.5), percentile(loading.wall, 0.5))} |`;
    return [
      "## Recommendations",
      "",
      ...(indexing ? [indexing, ""] : []),
      `${coverage.indexed.toLocaleString("en-US")} of ${coverage.papers.toLocaleString("en-US")} papers have vectors and postings, ${coverage.similar.toLocaleString("en-US")} their similar papers. Load average (1 / 5 / 15 min) ${loadBefore} before, ${load()} after, on ${os.cpus().length} cores.`,
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
      line("training the model (dual coordinate descent, the weights kept, the digest's bar)", training),
      line("retrainReaderModel, as a save runs it: the taste, its vectors, training, storing", retraining),
      "",
      "`/for-you` through `next start` for a signed-in reader (session cookie), the whole page; 50 runs each after 5 warm-up runs.",
      "",
      "| request | p50 | p95 |",
      "|---|---|---|",
      ...forYou,
      "",
      `Similar papers as a paper's page reads them (\`getSimilarPapers\`, in-process): ${ms(similarRead.p50)} p50, ${ms(similarRead.p95)} p95 over ${withSimilar.length} papers, 200 reads.`,
    ].join("\n");
  } finally {
    // The reader and their library are the bench's own rows: gone again, whatever happened.
    if (readerId !== null) await client.query("DELETE FROM reader WHERE id = $1", [readerId]);
    await client.end();
  }
}
