// Ingest benchmark: arXiv Atom pages generated into a temporary directory, served from 127.0.0.1
// and imported by the real command (`scripts/ingest.ts arxiv`, politeness interval 0) into a scratch
// database. Measures papers per second and the command's peak memory at two input sizes: memory
// should not grow with the input, because pages are streamed, parsed and written one at a time.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createWriteStream, existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

import pg from "pg";

import { migrate } from "../prisma/migrate";
import { dropDatabase, ensureDatabase, withDatabase } from "../scripts/database";
import { startFixtureServer } from "../tests/support/fixture-server";

import { BENCH_APP_SECRET } from "./bench-database";

const root = path.resolve(import.meta.dirname, "..");
/** The CLI's arXiv page size (lib/ingest/arxiv/arxiv-options.ts); the server maps `start` to a file by it. */
const PAGE_SIZE = 500;
// BENCH_INGEST_PAPERS ("20000") runs one size, to compare two versions on a busy machine in minutes.
const SIZES = process.env.BENCH_INGEST_PAPERS ? process.env.BENCH_INGEST_PAPERS.split(",").map(Number) : [10_000, 100_000];
const SCRATCH_DB = `paperpulse_bench_ingest_${process.env.BENCH_PAPERS ?? "100000"}`;

const WORDS = (
  "learning model models neural network transformer attention diffusion graph language reasoning training data " +
  "benchmark robust efficient sparse scaling policy reinforcement vision generation retrieval optimization " +
  "convergence kernel representation contrastive federated privacy inference alignment evaluation"
).split(" ");
const NAMES = ["Ada Lovelace", "Alan Turing", "Grace Hopper", "José García", "Zoë Müller", "王小明", "Søren Østergaard", "Chioma Okafor"];
const CATEGORIES = ["cs.LG", "cs.CL", "cs.CV", "cs.AI", "stat.ML"];

function words(seed: number, count: number): string {
  let text = "";
  for (let i = 0; i < count; i++) text += `${WORDS[(seed * 31 + i * 17) % WORDS.length]} `;
  return text.trim();
}

/** One entry shaped like the API's: a wrapped title with TeX, a ~1,000-character abstract, authors, categories. */
function entry(index: number): string {
  const id = `${2401 + Math.floor(index / 99_999)}.${String((index % 99_999) + 1).padStart(5, "0")}`;
  const day = new Date(Date.UTC(2024, 0, 1) + (index % 365) * 86_400_000).toISOString().slice(0, 10);
  const authors = Array.from(
    { length: 2 + (index % 6) },
    (_, i) => `    <author>\n      <name>${NAMES[(index + i) % NAMES.length]}</name>\n    </author>`,
  ).join("\n");
  const primary = CATEGORIES[index % CATEGORIES.length]!;
  // Like most real abstracts, two acronym definitions, which the ingest mines into the field
  // vocabulary (lib/search/field-vocabulary.ts): a common one and one of this paper's own.
  const own = words(index + 7, 3);
  const definitions = `Large language models (LLMs) and ${own} (${own
    .split(" ")
    .map((word) => word[0]!.toUpperCase())
    .join("")}).`;
  const abstract = [definitions, ...Array.from({ length: 12 }, (_, line) => words(index + line, 11))].join("\n");
  return `  <entry>
    <id>http://arxiv.org/abs/${id}v1</id>
    <updated>${day}T12:00:00Z</updated>
    <published>${day}T12:00:00Z</published>
    <title>${words(index, 5)} in $\\mathcal{O}(n)$:
  ${words(index + 1, 4)} -- a study</title>
    <summary>  ${abstract}
</summary>
${authors}
    <arxiv:comment xmlns:arxiv="http://arxiv.org/schemas/atom">${8 + (index % 20)} pages, ${index % 9} figures</arxiv:comment>
    <link href="http://arxiv.org/abs/${id}v1" rel="alternate" type="text/html"/>
    <link title="pdf" href="http://arxiv.org/pdf/${id}v1" rel="related" type="application/pdf"/>
    <arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="${primary}" scheme="http://arxiv.org/schemas/atom"/>
    <category term="${primary}" scheme="http://arxiv.org/schemas/atom"/>
    <category term="${CATEGORIES[(index + 2) % CATEGORIES.length]}" scheme="http://arxiv.org/schemas/atom"/>
  </entry>
`;
}

/** Writes the pages one entry at a time, so generating 100k papers does not hold them either. */
async function writePages(dir: string, total: number): Promise<number> {
  let bytes = 0;
  for (let start = 0; start < total; start += PAGE_SIZE) {
    const file = createWriteStream(path.join(dir, `page-${start / PAGE_SIZE}.xml`));
    const write = async (text: string) => {
      bytes += Buffer.byteLength(text);
      if (!file.write(text)) await once(file, "drain");
    };
    const opensearch = 'xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/"';
    await write(`<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="html">ArXiv Query: benchmark</title>
  <id>http://arxiv.org/api/bench</id>
  <updated>2025-01-01T00:00:00-05:00</updated>
  <opensearch:totalResults ${opensearch}>${total}</opensearch:totalResults>
  <opensearch:startIndex ${opensearch}>${start}</opensearch:startIndex>
  <opensearch:itemsPerPage ${opensearch}>${Math.min(PAGE_SIZE, total - start)}</opensearch:itemsPerPage>
`);
    for (let index = start; index < Math.min(total, start + PAGE_SIZE); index++) await write(entry(index));
    await write("</feed>\n");
    file.end();
    await once(file, "finish");
  }
  return bytes;
}

/** Peak resident memory of a running process, from the kernel's high-water mark (Linux). */
async function peakRssBytes(pid: number): Promise<number | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, "utf8");
    const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : null;
  } catch {
    return null;
  }
}

type Run = { label: string; papers: number; pages: number; seconds: number; peakRss: number | null; result: string };

async function runCommand(label: string, papers: number, databaseUrl: string, apiUrl: string): Promise<Run> {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "--conditions=react-server",
      "scripts/ingest.ts",
      "arxiv",
      "--category",
      "cs.LG",
      "--from",
      "2024-01-01",
      "--to",
      "2024-12-31",
      "--json",
    ],
    {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        ARXIV_API_URL: apiUrl,
        ARXIV_REQUEST_INTERVAL_MS: "0",
        APP_SECRET: BENCH_APP_SECRET,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const started = performance.now();
  let peakRss: number | null = null;
  const poll = setInterval(() => {
    void peakRssBytes(child.pid!).then((bytes) => {
      if (bytes !== null) peakRss = Math.max(peakRss ?? 0, bytes);
    });
  }, 50);
  const [code] = (await once(child, "exit")) as [number | null];
  clearInterval(poll);
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`The ingest command failed (exit ${code}):\n${stderr}${stdout}`);
  const summary = JSON.parse(stdout.trim().split("\n").at(-1)!) as { inserted: number; updated: number; unchanged: number; failed: number };
  const result = `${summary.inserted.toLocaleString("en-US")} new, ${summary.updated} updated, ${summary.unchanged.toLocaleString("en-US")} unchanged, ${summary.failed} failed`;
  return { label, papers, pages: Math.ceil(papers / PAGE_SIZE), seconds, peakRss, result };
}

/** What the field vocabulary mined from the papers holds and takes on disk, beside the papers' own table. */
async function vocabularySize(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ pairs: number; bytes: number; paperBytes: number }>(
    `SELECT (SELECT count(*) FROM search_vocabulary)::int AS pairs, pg_total_relation_size('search_vocabulary')::float8 AS bytes,
            pg_total_relation_size('paper')::float8 AS "paperBytes"`,
  );
  await client.end();
  return rows[0]!;
}

const mb = (bytes: number | null) => (bytes === null ? "n/a" : `${(bytes / 2 ** 20).toFixed(0)} MB`);

export async function benchIngest(ctx: { databaseUrl: string }): Promise<string> {
  const adminUrl = withDatabase(ctx.databaseUrl, "postgres");
  await dropDatabase(adminUrl, SCRATCH_DB);
  await ensureDatabase(adminUrl, SCRATCH_DB);
  const databaseUrl = withDatabase(ctx.databaseUrl, SCRATCH_DB);
  await migrate(databaseUrl);
  const dir = await mkdtemp(path.join(tmpdir(), "paperpulse-bench-ingest-"));
  const runs: Run[] = [];
  let inputBytes = 0;
  let vocabulary = { pairs: 0, bytes: 0, paperBytes: 0 };
  try {
    for (const size of SIZES) {
      await rm(dir, { recursive: true, force: true });
      await mkdir(dir, { recursive: true });
      inputBytes = await writePages(dir, size);
      const server = await startFixtureServer((url) => {
        const page = Number(url.searchParams.get("start") ?? 0) / PAGE_SIZE;
        const file = path.join(dir, `page-${page}.xml`);
        return Number.isInteger(page) && existsSync(file) ? { file } : { status: 400, type: "text/plain", body: "no such page" };
      });
      try {
        const client = new pg.Client({ connectionString: databaseUrl });
        await client.connect();
        await client.query("TRUNCATE paper CASCADE");
        await client.end();
        runs.push(await runCommand(`${size.toLocaleString("en-US")} papers, empty database`, size, databaseUrl, `${server.url}/api/query`));
        if (size === SIZES.at(-1)) {
          runs.push(
            await runCommand(`${size.toLocaleString("en-US")} papers again (all known)`, size, databaseUrl, `${server.url}/api/query`),
          );
        }
      } finally {
        await server.close();
      }
    }
    vocabulary = await vocabularySize(databaseUrl);
  } finally {
    await rm(dir, { recursive: true, force: true });
    await dropDatabase(adminUrl, SCRATCH_DB);
  }

  const largest = runs.find((run) => run.papers === SIZES.at(-1))!;
  const smallest = runs[0]!;
  const rate = largest.papers / largest.seconds;
  return [
    "## Ingest",
    "",
    `arXiv Atom pages generated on the fly (${PAGE_SIZE} entries a page, ${(inputBytes / SIZES.at(-1)! / 1024).toFixed(1)} KB an entry, ` +
      `${mb(inputBytes)} for ${SIZES.at(-1)!.toLocaleString("en-US")} papers), served from 127.0.0.1 and imported by ` +
      "`npm run ingest -- arxiv` (the real command: HTTP, streaming XML parse, TeX normalisation, zod, batched upsert) " +
      "with the politeness interval at 0, into a scratch database with every migration applied. Time includes the command's start.",
    "",
    "| Run | Pages | Time | Papers/s | Peak RSS | Result |",
    "| --- | ---: | ---: | ---: | ---: | --- |",
    ...runs.map(
      (run) =>
        `| ${run.label} | ${run.pages} | ${run.seconds.toFixed(1)} s | ${Math.round(run.papers / run.seconds).toLocaleString("en-US")} | ${mb(run.peakRss)} | ${run.result} |`,
    ),
    "",
    `- Throughput at ${SIZES.at(-1)!.toLocaleString("en-US")} papers: ${Math.round(rate).toLocaleString("en-US")} papers/s (target ≥ 2,000: ${rate >= 2000 ? "met" : "NOT met"}).`,
    `- Field vocabulary (two acronym definitions an abstract, mined at ingest): ${vocabulary.pairs.toLocaleString("en-US")} pairs, ` +
      `${mb(vocabulary.bytes)} with its indexes, beside ${mb(vocabulary.paperBytes)} for the papers.`,
    `- Machine load (1-minute average) at the end: ${loadavg()[0]!.toFixed(1)}; PostgreSQL shares the machine, and an insert is mostly its work (the search column and indexes).`,
    `- Peak memory: ${mb(smallest.peakRss)} at ${smallest.papers.toLocaleString("en-US")} papers, ${mb(largest.peakRss)} at ${largest.papers.toLocaleString("en-US")} ` +
      `(${smallest.peakRss && largest.peakRss ? `${(largest.peakRss / smallest.peakRss).toFixed(2)}× for ${largest.papers / smallest.papers}× the input` : "not measured on this platform"}).`,
  ].join("\n");
}

// `tsx bench/ingest.ts` runs this section alone, on BENCH_DATABASE_URL or TEST_DATABASE_URL's server.
if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("Set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server to run this section alone.");
  console.log(await benchIngest({ databaseUrl: url }));
}
