// The digest benchmark: 10k and 100k confirmed subscribers with varied topics, every digest built
// and sent to a local SMTP sink by the real pipeline (runDigest), next to a bare nodemailer loop
// sending prebuilt digest emails over the same pooled transport to the same sink, in one run.
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

import pg from "pg";

const root = path.resolve(import.meta.dirname, "..");
const tsx = path.join(root, "node_modules", ".bin", "tsx");
const AUDIENCES = (process.env.BENCH_DIGEST_SUBSCRIBERS ?? "10000,100000").split(",").map(Number);
/** New papers a day, about what arXiv's cs.LG/CL/CV/AI announce together. */
const ARRIVALS = 1_000;
const BARE_MESSAGES = 20_000;
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
  await client.query(`VACUUM ANALYZE subscriber, subscriber_topic, digest_delivery, digest_paper, paper`);
}

async function statements(client: pg.Client): Promise<number> {
  // Counters reach pg_stat_database when backends flush them, at the latest when they exit.
  await sleep(1_500);
  const { rows } = await client.query<{ total: string }>(
    `SELECT xact_commit + xact_rollback AS total FROM pg_stat_database WHERE datname = current_database()`,
  );
  return Number(rows[0]!.total);
}

function startSink(): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(tsx, ["bench/smtp-sink.ts"], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.stdout.once("data", (chunk: Buffer) => {
      const { port } = JSON.parse(chunk.toString()) as { port: number };
      resolve({
        url: `smtp://127.0.0.1:${port}`,
        stop: () => new Promise((done) => (child.once("exit", () => done()), child.kill("SIGTERM"))),
      });
    });
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

export async function benchDigest(ctx: { databaseUrl: string; baseUrl: string; papers: number }): Promise<string> {
  const client = new pg.Client({ connectionString: ctx.databaseUrl });
  await client.connect();
  const sink = await startSink();
  const env = {
    DATABASE_URL: ctx.databaseUrl,
    BENCH_SMTP_URL: sink.url,
    APP_URL: "https://paperpulse.example",
    APP_SECRET: process.env.APP_SECRET ?? "bench-secret-bench-secret-bench-secret-01",
    SMTP_URL: "",
    SCHEDULER: "off",
    NODE_ENV: "production",
  };
  const lines: string[] = [];
  try {
    await ensureSubscribers(client, Math.max(...AUDIENCES));
    for (const count of AUDIENCES) {
      console.error(`  digest: ${count.toLocaleString("en-US")} subscribers …`);
      await prepareRun(client, count);
      // The floor, measured right before and right after the pipeline: this machine's speed drifts
      // by a third within minutes, and the pipeline's rate is compared with the mean of the two.
      const bareEnv = { ...env, BENCH_MODE: "bare", BENCH_MESSAGES: String(Math.min(count, BARE_MESSAGES)) };
      const bareBefore = await runWorker<BareResult>(bareEnv);
      const before = await statements(client);
      const result = await runWorker<PipelineResult>({ ...env, BENCH_MODE: "pipeline" });
      const issued = (await statements(client)) - before;
      const bareAfter = await runWorker<BareResult>(bareEnv);
      const bareRate = (rate(bareBefore.sent, bareBefore.seconds) + rate(bareAfter.sent, bareAfter.seconds)) / 2;
      const pipelineRate = rate(result.sent, result.seconds);
      const number = (value: number) => value.toLocaleString("en-US");
      lines.push(
        `| ${number(count)} | ${number(result.sent)} sent, ${number(result.skipped)} skipped, ${result.failed} failed | ${result.seconds.toFixed(0)} s | ${pipelineRate.toFixed(0)}/s | ${bareRate.toFixed(0)}/s (${rate(bareBefore.sent, bareBefore.seconds).toFixed(0)} before, ${rate(bareAfter.sent, bareAfter.seconds).toFixed(0)} after; ${number(bareBefore.sent)} × ${number(bareBefore.averageBytes)} B) | ${(pipelineRate / bareRate).toFixed(2)}× | ${(result.cpuMs / result.sent).toFixed(2)} ms (bare ${(bareBefore.cpuMs / bareBefore.sent).toFixed(2)} ms) | ${mb(result.maxRssBytes)} (bare ${mb(Math.max(bareBefore.maxRssBytes, bareAfter.maxRssBytes))}) | ${number(result.queries)} (${(result.queries / Math.max(1, result.due)).toFixed(2)} per digest; PostgreSQL saw ${number(issued)} transactions) |`,
      );
    }
  } finally {
    await sink.stop();
    await client.end();
  }
  return [
    "## Digest",
    "",
    `Every subscriber has 1–4 topics (keywords, some two-word, drawn Zipf-like from the seed titles; a category for 60%; a followed author for 40%), 10% weekly, 10% "send even if quiet", eight time zones. ${ARRIVALS.toLocaleString("en-US")} papers arrived over the last 20 hours; every email goes through the app's mailer, one pooled nodemailer transport on a thread of its own (5 connections, 10 messages in flight), to a local smtp-server sink in another process. Pipeline emails/s counts sent emails over the whole run (scan, claim, match, rank, render, send, record); the bare loop sends prebuilt digests of the same template through the same mailer, right before the pipeline and again right after it, and the ratio is to the mean of its two rates. CPU per email is the worker process's, both threads, over the measured part (the SMTP sink's and PostgreSQL's are not in it); peak RSS is the worker process's (Node with \`--max-old-space-size=${HEAP_MB}\`). Queries are the runner's own count of SQL statements.`,
    "",
    "| subscribers | digests | time | pipeline | bare loop | ratio | CPU per email | peak RSS | statements |",
    "|---|---|---|---|---|---|---|---|---|",
    ...lines,
  ].join("\n");
}
