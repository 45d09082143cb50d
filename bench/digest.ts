// The digest benchmark: 10k and 100k confirmed subscribers with varied topics (and, with
// BENCH_DIGEST_LIBRARIES, a share of them with a library of saved papers), every digest built and
// sent to a local SMTP sink by the real pipeline (runDigest), by one app instance or two side by
// side (BENCH_DIGEST_INSTANCES), next to a bare nodemailer loop sending prebuilt digest emails over
// the same pooled transport to the same sink, in one run. The sink counts what each address got.
import { spawn } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { setTimeout as sleep } from "node:timers/promises";

import pg from "pg";

import { BENCH_APP_SECRET, openBenchDatabase } from "./bench-database";

const root = path.resolve(import.meta.dirname, "..");
const tsx = path.join(root, "node_modules", ".bin", "tsx");
const AUDIENCES = (process.env.BENCH_DIGEST_SUBSCRIBERS ?? "10000,100000").split(",").map(Number);
/** Instances side by side, each a worker process running the digest on the one database: "1", "2" or "1,2". */
const INSTANCES = (process.env.BENCH_DIGEST_INSTANCES ?? "1").split(",").map(Number);
/** The share of subscribers who are also readers with a library (every n-th subscriber). */
const LIBRARY_SHARE = Number(process.env.BENCH_DIGEST_LIBRARIES ?? 0);
const LIBRARY_PAPERS = 20;
/** The papers libraries are drawn from: old papers across the corpus, each in about a few hundred libraries at 50k readers. */
const LIBRARY_POOL = 3_000;
/** Indexed papers spread evenly over the ids, at least as many as the background sample's probes (sampleBackground). */
const SPREAD_PAPERS = 400;
/** New papers a day, about what arXiv's cs.LG/CL/CV/AI announce together. */
const ARRIVALS = 1_000;
/** Messages per bare loop (each runs twice per row): enough for a steady rate. */
const BARE_MESSAGES = Number(process.env.BENCH_DIGEST_BARE ?? 20_000);
/** Only set the audience up (subscribers, libraries, vectors), outside the bench lock; no measurement. */
const PREPARE_ONLY = process.env.BENCH_DIGEST_PREPARE_ONLY === "1";
const HEAP_MB = 384;
const ZONES = [
  "UTC",
  "Europe/Berlin",
  "America/New_York",
  "America/Los_Angeles",
  "Asia/Tokyo",
  "Asia/Kolkata",
  "Australia/Sydney",
  "America/Sao_Paulo",
];
const CATEGORIES = ["cs.LG", "cs.CL", "cs.CV", "cs.AI", "stat.ML", "cs.RO", "cs.IR", "cs.CR", "math.OC", "cs.NE"];
const STOP = new Set(
  "about above across after again against among based being between better both could during each every first from further have however into more most other over paper same show such than that their there these they this those through under using very what when where which while with within without would".split(
    " ",
  ),
);

type BareResult = { seconds: number; sent: number; averageBytes: number; cpuMs: number; maxRssBytes: number };
type PipelineResult = {
  seconds: number;
  startedAt: number;
  lastWorkAt: number;
  sent: number;
  due: number;
  skipped: number;
  failed: number;
  queries: number;
  cpuMs: number;
  maxRssBytes: number;
};

/** Words of the seed papers' titles and author names, most frequent first, to draw topics from. */
async function topicVocabulary() {
  const seed = JSON.parse(await readFile(path.join(root, "prisma", "seed-papers.json"), "utf8")) as {
    title: string;
    authors: string[] | null;
  }[];
  const counts = new Map<string, number>();
  for (const { title } of seed) {
    for (const word of title.toLowerCase().match(/[a-z]{5,}/g) ?? []) if (!STOP.has(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const words = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([word]) => word);
  const names = seed.flatMap((paper) => paper.authors ?? []).map((name) => name.split(/\s+/));
  const firsts = [...new Set(names.map((parts) => parts[0]!))];
  const lasts = [...new Set(names.map((parts) => parts.at(-1)!))];
  // The corpus combines seed first and last names at random; people follow a few hundred of them.
  const authors = Array.from({ length: 400 }, (_, index) => `${firsts[(index * 7) % firsts.length]} ${lasts[(index * 13) % lasts.length]}`);
  return { words, authors };
}

/** Confirmed subscribers bench1 … benchN, with 1–4 topics each drawn Zipf-like from the vocabulary. */
async function ensureSubscribers(client: pg.Client, count: number) {
  const { rows } = await client.query<{ count: string }>(`SELECT count(*) FROM subscriber WHERE email LIKE 'bench%@bench.paperpulse.test'`);
  const existing = Number(rows[0]!.count);
  if (existing >= count) return;
  const { words, authors } = await topicVocabulary();
  await client.query(
    `INSERT INTO subscriber (email, status, frequency, weekday, time_zone, max_papers, send_when_quiet, confirmed_at)
     SELECT 'bench' || g || '@bench.paperpulse.test', 'active', (CASE WHEN g % 10 = 0 THEN 'weekly' ELSE 'daily' END)::digest_frequency,
            1, ($3::text[])[1 + g % cardinality($3::text[])], 5 + g % 11, g % 10 = 3, now()
     FROM generate_series($1::int, $2::int) AS g
     ON CONFLICT (email) DO NOTHING`,
    [existing + 1, count, ZONES],
  );
  // Keywords are one or two words, popular ones far more often; then maybe a category and an author.
  await client.query(
    `WITH params AS (SELECT $1::text[] AS words, ln(least(cardinality($1::text[]), 1500)) AS ln_n, $2::text[] AS cats, $3::text[] AS authors),
     fresh AS (SELECT s.id FROM subscriber s WHERE s.email LIKE 'bench%@bench.paperpulse.test'
               AND NOT EXISTS (SELECT 1 FROM subscriber_topic t WHERE t.subscriber_id = s.id))
     INSERT INTO subscriber_topic (subscriber_id, kind, value, position)
     SELECT f.id, topic.kind::topic_kind, topic.value, topic.position
     FROM fresh f, params,
     LATERAL (
       SELECT 'keyword' AS kind, words[ceil(exp(random() * ln_n))::int] AS value, 0 AS position
       UNION ALL
       SELECT 'keyword', words[ceil(exp(random() * ln_n))::int] || ' ' || words[ceil(exp(random() * ln_n))::int], 1 WHERE random() < 0.3
       UNION ALL
       SELECT 'category', cats[1 + floor(power(random(), 2) * cardinality(cats))::int], 2 WHERE random() < 0.6
       UNION ALL
       SELECT 'author', authors[1 + floor(power(random(), 3) * cardinality(authors))::int], 3 WHERE random() < 0.4
     ) topic
     ON CONFLICT DO NOTHING`,
    [words, CATEGORIES, authors],
  );
}

/** Every n-th bench subscriber (n = 1 / share) is also a reader, with a library of LIBRARY_PAPERS papers saved over the last weeks. */
async function ensureLibraries(client: pg.Client, count: number, share: number) {
  if (share <= 0) return { readers: 0 };
  const every = Math.round(1 / share);
  await client.query(
    `WITH pool AS (
       SELECT array_agg(id ORDER BY id) AS ids FROM (
         SELECT id FROM paper WHERE id NOT IN (SELECT id FROM paper ORDER BY listed_on DESC, id DESC LIMIT $5)
         ORDER BY md5(id::text) LIMIT $3
       ) p
     ),
     readers AS (
       INSERT INTO reader (email)
       SELECT 'bench' || g || '@bench.paperpulse.test' FROM generate_series($2::int, $1::int, $2::int) AS g
       ON CONFLICT (email) DO NOTHING
       RETURNING id
     )
     INSERT INTO library_item (reader_id, paper_id, saved_at)
     SELECT r.id, pool.ids[1 + ((r.id::bigint * 7919 + j * 104729) % cardinality(pool.ids))], now() - j * interval '1 day'
     FROM readers r, pool, generate_series(1, $4::int) AS j
     ON CONFLICT DO NOTHING`,
    [count, every, LIBRARY_POOL, LIBRARY_PAPERS, ARRIVALS],
  );
  const { rows } = await client.query<{ readers: string }>(
    `SELECT count(*) AS readers FROM reader r
     WHERE r.email LIKE 'bench%@bench.paperpulse.test' AND substring(r.email FROM '^bench(\\d+)@')::int <= $1`,
    [count],
  );
  return { readers: Number(rows[0]!.readers) };
}

/**
 * Vectors for what the digests' recommendations read, through the app's own similarity refresh
 * (bench/digest-worker.ts, mode "index"): the window's papers, the library papers, and a spread
 * of papers over the whole id range for the background sample. The rest of the corpus is taken
 * off the similarity queue (it stays unindexed): indexing all of it takes hours here. Returns the
 * papers indexed now and in all, and how long the refresh took.
 */
async function indexForDigests(client: pg.Client, env: Record<string, string>) {
  const { rows } = await client.query<{ papers: string }>(`SELECT count(*) AS papers FROM paper`);
  const step = Math.max(1, Math.floor(Number(rows[0]!.papers) / SPREAD_PAPERS));
  await client.query(
    `DELETE FROM similarity_queue q
     WHERE q.paper_id NOT IN (SELECT id FROM paper ORDER BY listed_on DESC, id DESC LIMIT $1)
       AND NOT EXISTS (SELECT 1 FROM library_item l WHERE l.paper_id = q.paper_id)
       AND q.paper_id % $2 <> 0`,
    [ARRIVALS, step],
  );
  const started = Date.now();
  const { papers } = await runWorker<{ papers: number }>({ ...env, BENCH_MODE: "index" });
  const { rows: indexed } = await client.query<{ papers: string }>(`SELECT count(*) AS papers FROM paper_vector`);
  return { papers, seconds: (Date.now() - started) / 1000, indexed: Number(indexed[0]!.papers) };
}

/**
 * A fresh start for a run: the newest ARRIVALS papers arrived over the last 20 hours and the rest
 * long ago; no deliveries, sent papers or link tokens; weekly subscribers due today in their zone;
 * only the first `count` bench subscribers deliverable.
 */
export async function prepareRun(client: pg.Client, count: number) {
  await client.query(`TRUNCATE digest_delivery, digest_paper, subscriber_token, outbox`);
  await client.query(
    `UPDATE paper SET created_at = '2020-01-01' WHERE created_at > '2020-01-01'
       AND id NOT IN (SELECT id FROM paper ORDER BY listed_on DESC, id DESC LIMIT $1)`,
    [ARRIVALS],
  );
  await client.query(
    `UPDATE paper p SET created_at = now() - r.rank * interval '20 hours' / $1
     FROM (SELECT id, row_number() OVER (ORDER BY listed_on DESC, id DESC) AS rank FROM paper ORDER BY listed_on DESC, id DESC LIMIT $1) r
     WHERE p.id = r.id`,
    [ARRIVALS],
  );
  await client.query(
    `UPDATE subscriber SET weekday = extract(isodow FROM now() AT TIME ZONE time_zone)::int,
            status = CASE WHEN substring(email FROM '^bench(\\d+)@')::int <= $1 THEN 'active' ELSE 'unsubscribed' END::subscriber_status,
            paused_at = NULL, pause_reason = NULL, hard_bounces = 0
     WHERE email LIKE 'bench%@bench.paperpulse.test'`,
    [count],
  );
  await client.query(`UPDATE subscriber SET status = 'unsubscribed' WHERE email NOT LIKE 'bench%@bench.paperpulse.test'`);
  await client.query(
    `VACUUM ANALYZE subscriber, subscriber_topic, digest_delivery, digest_paper, paper, reader, library_item, paper_rating, paper_vector`,
  );
}

async function statements(client: pg.Client): Promise<number> {
  // Counters reach pg_stat_database when backends flush them, at the latest when they exit.
  await sleep(1_500);
  const { rows } = await client.query<{ total: string }>(
    `SELECT xact_commit + xact_rollback AS total FROM pg_stat_database WHERE datname = current_database()`,
  );
  return Number(rows[0]!.total);
}

type SinkReport = { messages: number; recipients: number; duplicates: [string, number][] };

function startSink(): Promise<{ url: string; report: () => Promise<SinkReport>; stop: () => Promise<void> }> {
  const child = spawn(tsx, ["bench/smtp-sink.ts"], { cwd: root, stdio: ["pipe", "pipe", "inherit"] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const nextLine = async () => JSON.parse(((await lines.next()).value as string | undefined) ?? "null") as unknown;
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    void nextLine().then((listening) => {
      const { port } = listening as { port: number };
      resolve({
        url: `smtp://127.0.0.1:${port}`,
        /** What the sink received since the last report, per recipient. */
        async report() {
          child.stdin.write("report\n");
          return (await nextLine()) as SinkReport;
        },
        stop: () => new Promise((done) => (child.once("exit", () => done()), child.kill("SIGTERM"))),
      });
    }, reject);
  });
}

function runWorker<Result>(env: Record<string, string>): Promise<Result> {
  // The heap cap shows the working set is bounded; without it V8 lets garbage pile up to several
  // hundred MB before collecting, which says nothing about what the run needs.
  const child = spawn(
    process.execPath,
    [`--max-old-space-size=${HEAP_MB}`, "--import", "tsx", "--conditions=react-server", "bench/digest-worker.ts"],
    {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => {
      const line = output.trim().split("\n").at(-1) ?? "";
      if (code === 0 && line.startsWith("{")) resolve(JSON.parse(line) as Result);
      else reject(new Error(`digest worker exited with ${code}: ${output}`));
    });
  });
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const rate = (count: number, seconds: number) => count / seconds;
const number = (value: number) => value.toLocaleString("en-US");
const load = () => os.loadavg()[0]!.toFixed(1);

/** `instances` pipelines side by side, from the same moment, as that many app instances would run the day's digests. */
async function runPipelines(env: Record<string, string>, instances: number) {
  const results = await Promise.all(Array.from({ length: instances }, () => runWorker<PipelineResult>({ ...env, BENCH_MODE: "pipeline" })));
  const total = (key: "sent" | "due" | "skipped" | "failed" | "queries" | "cpuMs") => results.reduce((sum, result) => sum + result[key], 0);
  // From the first start to the last run that had work: an instance that finished its share asks
  // again every few seconds until the other is done, which is not sending time.
  const seconds = (Math.max(...results.map((result) => result.lastWorkAt)) - Math.min(...results.map((result) => result.startedAt))) / 1000;
  return {
    seconds,
    sent: total("sent"),
    due: total("due"),
    skipped: total("skipped"),
    failed: total("failed"),
    queries: total("queries"),
    cpuMs: total("cpuMs"),
    maxRss: results.map((result) => result.maxRssBytes),
    perInstance: results.map((result) => result.sent),
  };
}

export async function benchDigest(ctx: { databaseUrl: string; baseUrl?: string; papers: number }): Promise<string> {
  const client = new pg.Client({ connectionString: ctx.databaseUrl });
  await client.connect();
  const sink = await startSink();
  const env = {
    DATABASE_URL: ctx.databaseUrl,
    BENCH_SMTP_URL: sink.url,
    APP_URL: "https://paperpulse.example",
    APP_SECRET: process.env.APP_SECRET ?? BENCH_APP_SECRET,
    SMTP_URL: "",
    SCHEDULER: "off",
    NODE_ENV: "production",
  };
  const lines: string[] = [];
  const notes: string[] = [];
  try {
    const largest = Math.max(...AUDIENCES);
    await ensureSubscribers(client, largest);
    if (LIBRARY_SHARE > 0) {
      await ensureLibraries(client, largest, LIBRARY_SHARE);
      await prepareRun(client, largest);
      const indexing = await indexForDigests(client, env);
      notes.push(
        `Vectors: ${number(indexing.indexed)} papers indexed (${number(indexing.papers)} of them by this run's refresh, ${indexing.seconds.toFixed(0)} s): the window's, the library papers and a spread of ${SPREAD_PAPERS} for the background sample; the rest of the corpus is unindexed.`,
      );
      // Readers' models are trained when they save, not while the digest runs: stored beforehand.
      const trained = await runWorker<{ readers: number; seconds: number }>({ ...env, BENCH_MODE: "models" });
      if (trained.readers > 0)
        notes.push(
          `Models: ${number(trained.readers)} readers' models trained and stored by the app's retrainReaderModel before the run, as each save would have, in ${trained.seconds.toFixed(0)} s (${((1000 * trained.seconds) / trained.readers).toFixed(1)} ms a reader).`,
        );
    }
    // A corpus's first run moves every paper's arrival back, an UPDATE of the whole table and its GIN
    // indexes (about 7 minutes at 100k papers on a busy machine): preparing does it outside the lock.
    if (PREPARE_ONLY && LIBRARY_SHARE === 0) await prepareRun(client, largest);
    await sink.report();
    for (const count of PREPARE_ONLY ? [] : AUDIENCES) {
      for (const instances of INSTANCES) {
        console.error(`  digest: ${number(count)} subscribers, ${instances} instance(s) …`);
        await prepareRun(client, count);
        const { readers } = await ensureLibraries(client, count, LIBRARY_SHARE);
        // The floor, measured right before and right after the pipeline: this machine's speed drifts
        // by a third within minutes, and the pipeline's rate is compared with the mean of the two.
        const bareEnv = { ...env, BENCH_MODE: "bare", BENCH_MESSAGES: String(Math.min(count, BARE_MESSAGES)) };
        const loadBefore = load();
        const bareBefore = await runWorker<BareResult>(bareEnv);
        await sink.report();
        const before = await statements(client);
        const result = await runPipelines(env, instances);
        const issued = (await statements(client)) - before;
        const received = await sink.report();
        const bareAfter = await runWorker<BareResult>(bareEnv);
        const loadAfter = load();
        const bareRate = (rate(bareBefore.sent, bareBefore.seconds) + rate(bareAfter.sent, bareAfter.seconds)) / 2;
        const pipelineRate = rate(result.sent, result.seconds);
        const exactlyOnce =
          received.duplicates.length === 0 && received.recipients === result.sent && received.messages === result.sent
            ? `each of ${number(received.recipients)} addresses once`
            : `**${number(received.messages)} messages to ${number(received.recipients)} addresses${received.duplicates.length > 0 ? `, repeated: ${received.duplicates.map(([address, times]) => `${address} ×${times}`).join(", ")}` : ""}**`;
        lines.push(
          `| ${number(count)} | ${number(readers)} | ${instances}${instances > 1 ? ` (${result.perInstance.map(number).join(" + ")})` : ""} | ${number(result.sent)} sent, ${number(result.skipped)} skipped, ${result.failed} failed | ${exactlyOnce} | ${result.seconds.toFixed(0)} s | ${pipelineRate.toFixed(0)}/s | ${bareRate.toFixed(0)}/s (${rate(bareBefore.sent, bareBefore.seconds).toFixed(0)} before, ${rate(bareAfter.sent, bareAfter.seconds).toFixed(0)} after; ${number(bareBefore.sent)} × ${number(bareBefore.averageBytes)} B) | ${(pipelineRate / bareRate).toFixed(2)}× | ${(result.cpuMs / result.sent).toFixed(2)} ms (bare ${(bareBefore.cpuMs / bareBefore.sent).toFixed(2)} ms) | ${result.maxRss.map(mb).join(" + ")} (bare ${mb(Math.max(bareBefore.maxRssBytes, bareAfter.maxRssBytes))}) | ${number(result.queries)} (${(result.queries / Math.max(1, result.due)).toFixed(2)} per digest; PostgreSQL saw ${number(issued)} transactions) | ${loadBefore} → ${loadAfter} |`,
        );
        console.error(lines.at(-1));
      }
    }
  } finally {
    await sink.stop();
    await client.end();
  }
  return [
    "## Digest",
    "",
    `Every subscriber has 1–4 topics (keywords, some two-word, drawn Zipf-like from the seed titles; a category for 60%; a followed author for 40%), 10% weekly, 10% "send even if quiet", eight time zones.${LIBRARY_SHARE > 0 ? ` Every ${Math.round(1 / LIBRARY_SHARE)}${Math.round(1 / LIBRARY_SHARE) === 2 ? "nd" : "th"} subscriber is also a reader (same address) with ${LIBRARY_PAPERS} saved papers drawn from ${number(LIBRARY_POOL)} old papers across the corpus, so their digests also hold "Recommended for you".` : ""} ${ARRIVALS.toLocaleString("en-US")} papers arrived over the last 20 hours; every email goes through the app's mailer, one pooled nodemailer transport on a thread of its own (5 connections, 10 messages in flight), to a local smtp-server sink in another process, which counts the messages each address received. Pipeline emails/s counts sent emails from the start until the last run with work ended (scan, claim, match, rank, recommend, render, send, record); with two instances, two worker processes run the digest side by side on the one database, as two app instances' schedulers would, each calling it again until the day is complete. The bare loop sends prebuilt digests of the same template through the same mailer, right before the pipeline and again right after it, and the ratio is to the mean of its two rates. CPU per email is the worker processes', both threads, over the measured part (the SMTP sink's and PostgreSQL's are not in it); peak RSS is each worker process's (Node with \`--max-old-space-size=${HEAP_MB}\`). Statements are the runs' own count of SQL statements. Load is the 1-minute load average before the bare loop and after the last one (2 cores; above 4 is "under load").`,
    ...notes.map((note) => `\n${note}`),
    "",
    "| subscribers | with a library | instances | digests | at the sink | time | pipeline | bare loop | ratio | CPU per email | peak RSS | statements | load |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ...lines,
  ].join("\n");
}

// `tsx --conditions=react-server bench/digest.ts` runs this section alone on the BENCH_PAPERS corpus
// (no app server), and keeps the report in bench/results/<date>-<papers>-digest-<time>[-<BENCH_LABEL>].md.
if (import.meta.url === `file://${process.argv[1]}`) {
  const papers = Number(process.env.BENCH_PAPERS ?? 100_000);
  const { databaseUrl, close } = await openBenchDatabase(papers);
  try {
    const started = new Date();
    const report = `# Digest benchmark\n\n- Date: ${started.toISOString()}\n- Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "unknown CPU"}, shared with other sessions\n- Corpus: ${number(papers)} synthetic papers + the 81 seed papers\n${process.env.BENCH_LABEL ? `- Code: ${process.env.BENCH_LABEL}\n` : ""}\n${await benchDigest({ databaseUrl, papers })}\n`;
    console.log(report);
    if (!PREPARE_ONLY) {
      const file = path.join(
        root,
        "bench",
        "results",
        `${started.toISOString().slice(0, 10)}-${papers}-digest-${started.toISOString().slice(11, 16).replace(":", "")}${process.env.BENCH_LABEL ? `-${process.env.BENCH_LABEL.split(" ")[0]}` : ""}.md`,
      );
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, report);
      console.error(`Saved to ${path.relative(root, file)}`);
    }
  } finally {
    await close();
  }
}
