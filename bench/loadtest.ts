// `npm run loadtest`: the production app on the benchmark corpus (LOADTEST_PAPERS, 100k by
// default), each page and API under LOADTEST_CONNECTIONS (50) connections for LOADTEST_SECONDS
// (30) with autocannon. Reports requests/s, p50/p99 latency, errors and non-2xx answers, each
// rate also as a share of a static asset of the same server measured in the same run (the
// machine is shared and noisy, so only ratios within one run compare), and the load average.
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import autocannon from "autocannon";
import pg from "pg";

import { startAppServer } from "./app-server";
import { openBenchDatabase } from "./bench-database";

const root = path.resolve(import.meta.dirname, "..");
const papers = Number(process.env.LOADTEST_PAPERS ?? 100_000);
const seconds = Number(process.env.LOADTEST_SECONDS ?? 30);
const connections = Number(process.env.LOADTEST_CONNECTIONS ?? 50);

type Target = { name: string; paths: string[] };

/** A script the feed page loads: what serving a file from `.next/static` costs, the ceiling. */
async function staticAsset(baseUrl: string): Promise<Target> {
  const html = await (await fetch(baseUrl)).text();
  const script = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  if (!script) throw new Error("The feed page loads no script from /_next/static.");
  return { name: "static asset (the ceiling)", paths: [script] };
}

async function targets(databaseUrl: string): Promise<Target[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ arxiv_id: string; surname: string }>(
    `SELECT arxiv_id, split_part(authors[1], ' ', 2) AS surname FROM paper ORDER BY random() LIMIT 200`,
  );
  await client.end();
  const words = ["learning", "reasoning", "diffusion", "transformer", "reinforcement", "benchmark", "graph", "alignment"];
  return [
    { name: "feed page `/?period=week`", paths: ["/?period=week", "/?period=month", "/?period=all", "/"] },
    { name: "paper page `/papers/{id}`", paths: rows.map((row) => `/papers/${row.arxiv_id}`) },
    { name: "search page `/search?q=`", paths: words.map((word) => `/search?q=${word}`) },
    { name: "`GET /api/papers`", paths: ["/api/papers?period=week", "/api/papers?period=month", "/api/papers?period=all"] },
    { name: "`GET /api/papers/{id}`", paths: rows.map((row) => `/api/papers/${row.arxiv_id}`) },
    {
      name: "`GET /api/search`",
      paths: [
        ...words.map((word) => `/api/search?q=${word}`),
        ...rows.slice(0, 20).map((row) => `/api/search?q=author:${encodeURIComponent(row.surname)}`),
      ],
    },
    { name: "`GET /api/search/suggest`", paths: ["lea", "rea", "diff", "tra", "gra"].map((prefix) => `/api/search/suggest?q=${prefix}`) },
  ];
}

async function load(baseUrl: string, target: Target) {
  let next = 0;
  const result = await autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    requests: [{ setupRequest: (request) => ({ ...request, path: target.paths[next++ % target.paths.length]! }) }],
  });
  return result;
}

async function main() {
  const { databaseUrl, close } = await openBenchDatabase(papers);
  const app = await startAppServer(databaseUrl, Number(process.env.LOADTEST_PORT ?? 3700));
  const rows: string[] = [];
  let failed = false;
  let ceiling = 0;
  try {
    for (const target of [await staticAsset(app.baseUrl), ...(await targets(databaseUrl))]) {
      console.error(`Loading ${target.name} for ${seconds} s …`);
      const result = await load(app.baseUrl, target);
      const serverErrors = result["5xx"];
      if (result.errors > 0 || serverErrors > 0 || result.timeouts > 0) failed = true;
      const rate = result.requests.average;
      if (ceiling === 0) ceiling = rate;
      const share = ((100 * rate) / ceiling).toFixed(1);
      const load1 = os.loadavg()[0]!.toFixed(2);
      rows.push(
        `| ${target.name} | ${rate.toFixed(0)} | ${share} % | ${result.latency.p50} ms | ${result.latency.p99} ms | ${result.errors + result.timeouts} | ${result["4xx"]} | ${serverErrors} | ${load1} |`,
      );
    }
  } finally {
    await app.stop();
    await close();
  }
  const report = [
    `# PaperPulse load test`,
    "",
    `${new Date().toISOString()}: ${papers.toLocaleString("en-US")} papers, ${connections} connections, ${seconds} s per target, \`next start\` and PostgreSQL on the same 127.0.0.1 machine (${os.cpus().length} cores; load average = the machine's 1-minute load when the target finished).`,
    "",
    "| target | requests/s | share of static | p50 | p99 | errors + timeouts | 4xx | 5xx | load average |",
    "|---|---|---|---|---|---|---|---|---|",
    ...rows,
    "",
  ].join("\n");
  console.log(report);
  await mkdir(path.join(root, "bench", "results"), { recursive: true });
  await writeFile(
    path.join(
      root,
      "bench",
      "results",
      `loadtest-${new Date().toISOString().slice(0, 10)}-${papers}${process.env.LOADTEST_LABEL ? `-${process.env.LOADTEST_LABEL}` : ""}.md`,
    ),
    report,
  );
  if (failed) {
    console.error("The load test saw errors, timeouts or 5xx answers.");
    process.exitCode = 1;
  }
}

await main();
