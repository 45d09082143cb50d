// `npm run loadtest`: the production app on the benchmark corpus (LOADTEST_PAPERS, 100k by
// default), each page and API under LOADTEST_CONNECTIONS (50) connections for LOADTEST_SECONDS
// (30) with autocannon, anonymous and as a signed-in reader. Reports requests/s, p50/p99 latency,
// errors and non-2xx answers, each rate also as a share of a static asset of the same server
// measured in the same run (the machine is shared and noisy, so only ratios within one run
// compare): of the run's first measure, and of one taken just before the target (a third of its
// time), as the machine's speed drifts by up to half within minutes; and the load average. A
// signed-in view with scripts is two requests (the page and its reader's state), so views/s is
// half its requests/s. LOADTEST_ONLY=feed,paper,… runs some targets (and the ceiling).
// The `readers-` targets take LOADTEST_READERS (1,000) signed-in readers in turn, in browsers that run scripts.
// `browser` views pages in Chromium, as the HTTP load does not: what a page's scripts ask for too.
// The corpus is indexed first (bench/bench-index.ts): without it no paper has similar papers and
// every reader's For you is empty, which is not what the pages cost.
import os from "node:os";

import autocannon from "autocannon";
import pg from "pg";

import { startAppServer, staticAssetPath } from "./app-server";
import { openBenchDatabase, pointAppAtBenchDatabase } from "./bench-database";
import { indexBenchCorpus, indexCoverage } from "./bench-index";
import { cpuPerRequest, cpuSoFar } from "./process-cpu";
import { measureBrowserViews, type BrowserView } from "./browser-views";
import { writeLoadtestReport } from "./loadtest-report";
import {
  BENCH_READER,
  MANY_READERS,
  MANY_READERS_EMAIL,
  signInReader,
  signInReaders,
  vacuumReaderTables,
  visitOnce,
} from "./loadtest-readers";

const papers = Number(process.env.LOADTEST_PAPERS ?? 100_000);
const seconds = Number(process.env.LOADTEST_SECONDS ?? 30);
const connections = Number(process.env.LOADTEST_CONNECTIONS ?? 50);

/** One request of a view, with the reader's cookies when signed in. */
type Request = { path: string; cookie?: string };
/** A page view is one request, or the page and the request its script makes for the reader's state. */
/**
 * `once`: each view is meant to be seen once (a reader's first view); `again`: the views of the
 * target of that key that its run reached, seen again.
 */
type Target = { key: string; name: string; views: Request[][]; once?: boolean; again?: string };

/** The static asset: what serving a file from `.next/static` costs, the ceiling. */
async function staticAsset(baseUrl: string): Promise<Target> {
  return { key: "static", name: "static asset (the ceiling)", views: [[{ path: await staticAssetPath(baseUrl) }]] };
}

/** What a feed page's script asks for: the state of the papers it lists (components/viewer-state.ts). */
async function feedViewerPath(baseUrl: string, path: string): Promise<string> {
  const html = await (await fetch(new URL(path, baseUrl))).text();
  const ids = [...new Set([...html.matchAll(/href="\/papers\/([^"?#]+)"/g)].map(([, id]) => id!))];
  return `/api/viewer?papers=${ids.join(",")}`;
}

/** The load test's targets, and the views measured in a real browser (bench/browser-views.ts). */
async function targets(client: pg.Client, baseUrl: string): Promise<{ targets: Target[]; browser: BrowserView[] }> {
  const { rows } = await client.query<{ id: number; arxiv_id: string; surname: string }>(
    `SELECT id, arxiv_id, split_part(authors[1], ' ', 2) AS surname FROM paper p
     WHERE EXISTS (SELECT 1 FROM similar_paper s WHERE s.paper_id = p.id) ORDER BY random() LIMIT 200`,
  );
  if (rows.length === 0) throw new Error("No paper has its similar papers: the corpus is not indexed (BENCH_SKIP_INDEXING?).");
  const { rows: trending } = await client.query<{ id: number; arxiv_id: string }>(
    `SELECT id, arxiv_id FROM paper ORDER BY votes DESC, id DESC LIMIT 50`,
  );
  const cookie = await signInReader(
    client,
    [...trending, ...rows].map((row) => row.id),
  );
  const { rows: pool } = await client.query<{ id: number }>("SELECT id FROM paper ORDER BY random() LIMIT 5000");
  const only = process.env.LOADTEST_ONLY?.split(",");
  const manyReaders = !only || only.some((key) => key.startsWith("readers-"));
  // Their browsers run scripts, as most do: their personal pages are the shared shell with their data.
  const sessions = manyReaders
    ? await signInReaders(
        client,
        MANY_READERS,
        pool.map((row) => row.id),
      )
    : [];
  const readers = sessions.map((session) => `${session}; pp_js=1`);
  await vacuumReaderTables(client);
  if (manyReaders && (!only || only.includes("readers-for-you-first"))) await visitOnce(baseUrl, "/for-you?period=day", readers);
  const eachReader = (path: string): Request[][] => readers.map((readerCookie) => [{ path, cookie: readerCookie }]);
  const words = ["learning", "reasoning", "diffusion", "transformer", "reinforcement", "benchmark", "graph", "alignment"];
  const paths = (list: string[]): Request[][] => list.map((path) => [{ path }]);
  const signedIn = (list: string[]): Request[][] => list.map((path) => [{ path, cookie }]);
  // A browser that runs scripts: the shared copy, then its state (where the app serves it so).
  const withScripts = `${cookie}; pp_js=1; pp_personal=1`;
  const signedInWithScripts = (list: [string, string][]): Request[][] =>
    list.map(([path, viewer]) => [
      { path, cookie: withScripts },
      { path: viewer, cookie: withScripts },
    ]);
  const feeds = ["/?period=week", "/?period=month", "/?period=all", "/"];
  const papers = rows.map((row) => `/papers/${row.arxiv_id}`);
  const browser: BrowserView[] = [
    { name: "feed page", path: feeds[0]! },
    { name: "paper page", path: papers[0]! },
    { name: "search page", path: `/search?q=${words[0]}` },
    { name: "signed in: feed page", path: feeds[0]!, cookie },
    { name: "signed in: `/library`", path: "/library", cookie },
    { name: "signed in: `/for-you`", path: "/for-you", cookie },
  ];
  const list: Target[] = [
    { key: "feed", name: "feed page `/?period=week`", views: paths(feeds) },
    { key: "paper", name: "paper page `/papers/{id}`, 200 random papers", views: paths(papers) },
    // The same papers again: a paper page once its first view has rendered it (fresh for 300 s).
    { key: "paper-again", name: "paper page, the same 200 papers again", views: paths(papers) },
    { key: "search", name: "search page `/search?q=`", views: paths(words.map((word) => `/search?q=${word}`)) },
    { key: "signed-in-feed", name: "signed in: feed page", views: signedIn(feeds) },
    {
      key: "signed-in-paper",
      name: "signed in: paper page, the 50 trending papers",
      views: signedIn(trending.map((row) => `/papers/${row.arxiv_id}`)),
    },
    {
      key: "signed-in-js-feed",
      name: "signed in, scripts: feed page + `/api/viewer`",
      views: signedInWithScripts(
        await Promise.all(feeds.map(async (path): Promise<[string, string]> => [path, await feedViewerPath(baseUrl, path)])),
      ),
    },
    {
      key: "signed-in-js-paper",
      name: "signed in, scripts: paper page + `/api/viewer`, the 50 trending papers",
      views: signedInWithScripts(trending.map((row) => [`/papers/${row.arxiv_id}`, `/api/viewer?papers=${row.arxiv_id}`])),
    },
    { key: "library", name: "signed in: `/library`", views: signedIn(["/library"]) },
    { key: "for-you", name: "signed in: `/for-you`", views: signedIn(["/for-you"]) },
    // Each reader's first view, then the same views again: first views only while the run lasts fewer requests than readers.
    {
      key: "readers-library-first",
      name: `${readers.length} readers in turn: \`/library\`, each reader's first view`,
      views: eachReader("/library"),
      once: true,
    },
    {
      key: "readers-library-again",
      name: "the same readers: `/library` again",
      views: eachReader("/library"),
      again: "readers-library-first",
    },
    // Each reader's first view of this week's list: their model trained, the list not yet ranked.
    {
      key: "readers-for-you-first",
      name: `${readers.length} readers in turn: \`/for-you\`, each reader's first view`,
      views: eachReader("/for-you"),
      once: true,
    },
    {
      key: "readers-for-you-again",
      name: "the same readers: `/for-you` again",
      views: eachReader("/for-you"),
      again: "readers-for-you-first",
    },
    {
      key: "api-papers",
      name: "`GET /api/papers`",
      views: paths(["/api/papers?period=week", "/api/papers?period=month", "/api/papers?period=all"]),
    },
    { key: "api-paper", name: "`GET /api/papers/{id}`", views: paths(rows.map((row) => `/api/papers/${row.arxiv_id}`)) },
    {
      key: "api-search",
      name: "`GET /api/search`",
      views: paths([
        ...words.map((word) => `/api/search?q=${word}`),
        ...rows.slice(0, 20).map((row) => `/api/search?q=author:${encodeURIComponent(row.surname)}`),
      ]),
    },
    {
      key: "api-suggest",
      name: "`GET /api/search/suggest`",
      views: paths(["lea", "rea", "diff", "tra", "gra"].map((prefix) => `/api/search/suggest?q=${prefix}`)),
    },
  ];
  return { targets: list, browser };
}

/** The requests of the target's views in turn, each connection taking the next, for `duration` seconds. */
async function load(baseUrl: string, target: Target, duration = seconds) {
  const requests = target.views.flat();
  let next = 0;
  return autocannon({
    url: baseUrl,
    connections,
    duration,
    requests: [
      {
        setupRequest: (request) => {
          const one = requests[next++ % requests.length]!;
          return { ...request, path: one.path, headers: one.cookie ? { ...request.headers, cookie: one.cookie } : request.headers };
        },
      },
    ],
  });
}

async function main() {
  const { databaseUrl, close } = await openBenchDatabase(papers);
  pointAppAtBenchDatabase(databaseUrl);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const indexing = await indexBenchCorpus(client);
  const coverage = await indexCoverage(client);
  const app = await startAppServer(databaseUrl, Number(process.env.LOADTEST_PORT ?? 3700));
  const rows: string[] = [];
  let browserRows: string[] = [];
  let failed = false;
  let ceiling = 0;
  try {
    const only = process.env.LOADTEST_ONLY?.split(",");
    const planned = await targets(client, app.baseUrl);
    const chosen = planned.targets.filter((target) => !only || only.includes(target.key));
    const reached = new Map<string, number>();
    const staticTarget = await staticAsset(app.baseUrl);
    for (const chosenTarget of [staticTarget, ...chosen]) {
      const seen = chosenTarget.again === undefined ? undefined : reached.get(chosenTarget.again);
      const target = seen === undefined ? chosenTarget : { ...chosenTarget, views: chosenTarget.views.slice(0, seen) };
      const beside =
        target === staticTarget ? null : (await load(app.baseUrl, staticTarget, Math.max(3, Math.round(seconds / 3)))).requests.average;
      console.error(`Loading ${target.name} for ${seconds} s …`);
      const before = cpuSoFar(app.pid);
      const result = await load(app.baseUrl, target);
      const cpu = cpuPerRequest(before, cpuSoFar(app.pid), result.requests.total);
      reached.set(target.key, Math.min(result.requests.total, target.views.length));
      const serverErrors = result["5xx"];
      if (result.errors > 0 || serverErrors > 0 || result.timeouts > 0) failed = true;
      const rate = result.requests.average;
      if (ceiling === 0) ceiling = rate;
      const share = ((100 * rate) / ceiling).toFixed(1);
      const shareBeside = beside === null ? "–" : `${((100 * rate) / beside).toFixed(1)} % of ${beside.toFixed(0)}`;
      const load1 = os.loadavg()[0]!.toFixed(2);
      const repeated =
        target.once && result.requests.total > target.views.length
          ? ` (${result.requests.total} requests: some repeated)`
          : seen === undefined
            ? ""
            : ` (the ${seen} readers reached)`;
      rows.push(
        `| ${target.name}${repeated} | ${rate.toFixed(0)} | ${(rate / target.views[0]!.length).toFixed(0)} | ${share} % | ${shareBeside} | ${result.latency.p50} ms | ${result.latency.p99} ms | ${cpu.app} | ${cpu.postgres} | ${result.errors + result.timeouts} | ${result["4xx"]} | ${serverErrors} | ${load1} |`,
      );
    }
    if (!only || only.includes("browser")) {
      console.error("Viewing pages in Chromium …");
      browserRows = await measureBrowserViews(app.baseUrl, app.pid, planned.browser);
    }
  } finally {
    // The server first: renders still queued when a run ends would find their readers gone.
    await app.stop();
    await client.query("DELETE FROM reader WHERE email = $1 OR email LIKE $2", [BENCH_READER, MANY_READERS_EMAIL]);
    await client.end();
    await close();
  }
  await writeLoadtestReport({ papers, connections, seconds, indexing, coverage, rows, browserRows });
  if (failed) {
    console.error("The load test saw errors, timeouts or 5xx answers.");
    process.exitCode = 1;
  }
}

await main();
