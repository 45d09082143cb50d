// `npm run loadtest:side-by-side`: For you's first views, this tree's build against the revision
// checked out at SIDE_BY_SIDE_BASE (README, "Benchmarks and load test"), both served at once and
// loaded in alternating bursts, so that both see the machine at the same speed.
// LOADTEST_READERS (5,000) a server, each seen once; LOADTEST_SECONDS (5) a burst.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import autocannon from "autocannon";
import pg from "pg";

import { startAppServer, staticAssetPath } from "./app-server";
import { openBenchDatabase, pointAppAtBenchDatabase } from "./bench-database";
import { MANY_READERS_EMAIL, signInReaders, vacuumReaderTables, visitOnce } from "./loadtest-readers";
import { cpuSoFar } from "./process-cpu";

const base = process.env.SIDE_BY_SIDE_BASE;
if (!base) throw new Error("Set SIDE_BY_SIDE_BASE to a checkout of the revision to compare with (see the README).");
const baseDir = path.resolve(base);
const baseRevision = execFileSync("git", ["-C", baseDir, "rev-parse", "--short", "HEAD"]).toString().trim();
const papers = Number(process.env.LOADTEST_PAPERS ?? 100_000);
const readersEach = Number(process.env.LOADTEST_READERS ?? 5_000);
const seconds = Number(process.env.LOADTEST_SECONDS ?? 5);
const connections = 50;
/** A burst of first views starts only while this many unseen readers per second of it are left. */
const READERS_PER_SECOND_LEFT = 350;

type App = { baseUrl: string; pid?: number; stop: () => Promise<void> };
type Side = { name: string; app: App; pid: number | undefined; staticPath: string; readers: string[]; next: number; totals: Totals };
type Totals = { views: number; seconds: number; staticRequests: number; staticSeconds: number; app: number; postgres: number };

/** The `next start` serving from `dir`: an older app-server.ts does not say its pid. */
function pidServing(dir: string): number | undefined {
  const pids = readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return readlinkSync(`/proc/${pid}/cwd`) === dir && readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("next");
      } catch {
        return false;
      }
    });
  return pids.length > 0 ? Math.max(...pids.map(Number)) : undefined;
}

/** A burst of the server's static asset, or of its next readers' first views of For you. */
async function burst(side: Side, of: "static" | "first views") {
  const staticPath = of === "static" ? side.staticPath : null;
  const before = cpuSoFar(side.pid);
  const result = await autocannon({
    url: side.app.baseUrl,
    connections,
    duration: staticPath ? Math.max(3, Math.round(seconds / 2)) : seconds,
    requests: [
      {
        setupRequest: (request) =>
          staticPath
            ? { ...request, path: staticPath }
            : { ...request, path: "/for-you", headers: { ...request.headers, cookie: side.readers[side.next++ % side.readers.length]! } },
      },
    ],
  });
  const after = cpuSoFar(side.pid);
  if (result.errors > 0 || result.timeouts > 0 || result.non2xx > 0) {
    throw new Error(`${side.name}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx answers`);
  }
  const cpu = (of: "app" | "postgres") => (before[of] === null || after[of] === null ? NaN : after[of] - before[of]);
  return { requests: result.requests.total, seconds: result.duration, app: cpu("app"), postgres: cpu("postgres") };
}

const perView = (ms: number, views: number) => (Number.isNaN(ms) ? "–" : `${(ms / views).toFixed(2)} ms`);
const share = (rate: number, ceiling: number) => `${((100 * rate) / ceiling).toFixed(1)} %`;

async function main() {
  const { databaseUrl, close } = await openBenchDatabase(papers);
  pointAppAtBenchDatabase(databaseUrl);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { startAppServer: startBase } = (await import(path.join(baseDir, "bench", "app-server.ts"))) as {
    startAppServer: typeof startAppServer;
  };
  const baseApp: App = await startBase(databaseUrl, 3711);
  const ownApp: App = await startAppServer(databaseUrl, 3712);
  const rows: string[] = [];
  try {
    const { rows: pool } = await client.query<{ id: number }>("SELECT id FROM paper ORDER BY random() LIMIT 5000");
    // As `npm run loadtest`'s readers: browsers that run scripts, their models trained by a first view of today's list.
    const cookies = (
      await signInReaders(
        client,
        2 * readersEach,
        pool.map((row) => row.id),
      )
    ).map((cookie) => `${cookie}; pp_js=1`);
    const totals = (): Totals => ({ views: 0, seconds: 0, staticRequests: 0, staticSeconds: 0, app: 0, postgres: 0 });
    const side = async (name: string, app: App, pid: number | undefined, readers: string[]): Promise<Side> => ({
      name,
      app,
      pid,
      staticPath: await staticAssetPath(app.baseUrl),
      readers,
      next: 0,
      totals: totals(),
    });
    const sides = [
      await side(`base (${baseRevision})`, baseApp, baseApp.pid ?? pidServing(baseDir), cookies.slice(0, readersEach)),
      await side("this tree", ownApp, ownApp.pid, cookies.slice(readersEach)),
    ];
    await Promise.all(sides.map((side) => visitOnce(side.app.baseUrl, "/for-you?period=day", side.readers)));
    await vacuumReaderTables(client);

    for (let round = 1; sides.every((side) => side.next + READERS_PER_SECOND_LEFT * seconds <= side.readers.length); round++) {
      for (const turn of round % 2 === 1 ? sides : [...sides].reverse()) {
        console.error(`Round ${round}: ${turn.name} …`);
        const ceiling = await burst(turn, "static");
        const first = await burst(turn, "first views");
        const { totals: sum } = turn;
        sum.staticRequests += ceiling.requests;
        sum.staticSeconds += ceiling.seconds;
        sum.views += first.requests;
        sum.seconds += first.seconds;
        sum.app += first.app;
        sum.postgres += first.postgres;
        const staticRate = ceiling.requests / ceiling.seconds;
        const rate = first.requests / first.seconds;
        rows.push(
          `| ${round} | ${turn.name} | ${staticRate.toFixed(0)} | ${rate.toFixed(0)} | ${share(rate, staticRate)} | ${perView(first.app, first.requests)} | ${perView(first.postgres, first.requests)} |`,
        );
      }
    }
    const staticBoth =
      sides.reduce((sum, side) => sum + side.totals.staticRequests, 0) / sides.reduce((sum, side) => sum + side.totals.staticSeconds, 0);
    const summary = sides.map(({ name, totals: sum }) => {
      const rate = sum.views / sum.seconds;
      return `| ${name} | ${sum.views} | ${rate.toFixed(0)} | ${share(rate, sum.staticRequests / sum.staticSeconds)} | ${share(rate, staticBoth)} | ${perView(sum.app, sum.views)} | ${perView(sum.postgres, sum.views)} |`;
    });
    const [baseRate, ownRate] = sides.map(({ totals: sum }) => sum.views / sum.seconds) as [number, number];
    const report = [
      "# PaperPulse load test, side by side: For you's first views",
      "",
      `${new Date().toISOString()}: ${papers.toLocaleString("en-US")} papers; this tree against ${baseRevision} (${baseDir}), both \`next start\` on one PostgreSQL, on the same ${os.cpus().length}-core 127.0.0.1 machine. ${readersEach.toLocaleString("en-US")} signed-in readers a server (50 saved papers, 10 rated, scripts on, their models trained by a first view of today's list), each seen once; ${connections} connections; bursts of ${seconds} s taken in turn, each after a static asset of the same server. CPU per view from /proc.`,
      "",
      "| round | server | static asset, req/s | first views/s | share of that static | app CPU / view | PostgreSQL CPU / view |",
      "|---|---|---|---|---|---|---|",
      ...rows,
      "",
      "| server | first views | views/s | share of its static | share of both servers' static | app CPU / view | PostgreSQL CPU / view |",
      "|---|---|---|---|---|---|---|",
      ...summary,
      "",
      `This tree's first views per second: ${(ownRate / baseRate).toFixed(1)}× the base's.`,
      "",
    ].join("\n");
    console.log(report);
    await mkdir(path.join(import.meta.dirname, "results"), { recursive: true });
    const label = process.env.LOADTEST_LABEL ? `-${process.env.LOADTEST_LABEL}` : "";
    await writeFile(
      path.join(import.meta.dirname, "results", `loadtest-${new Date().toISOString().slice(0, 10)}-${papers}-side-by-side${label}.md`),
      report,
    );
  } finally {
    await Promise.all([baseApp.stop(), ownApp.stop()]);
    await client.query("DELETE FROM reader WHERE email LIKE $1", [MANY_READERS_EMAIL]);
    await client.end();
    await close();
  }
}

await main();
