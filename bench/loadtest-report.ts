// The load test's report (bench/loadtest.ts): printed, and kept in bench/results.
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

type Summary = {
  papers: number;
  connections: number;
  seconds: number;
  /** What indexing the corpus did first, if anything (bench/bench-index.ts). */
  indexing: string | null;
  coverage: { indexed: number; similar: number };
  /** The HTTP targets' rows, and the browser views' (bench/browser-views.ts). */
  rows: string[];
  browserRows: string[];
};

export async function writeLoadtestReport({ papers, connections, seconds, indexing, coverage, rows, browserRows }: Summary): Promise<void> {
  const report = [
    `# PaperPulse load test`,
    "",
    `${new Date().toISOString()}: ${papers.toLocaleString("en-US")} papers, ${connections} connections, ${seconds} s per target, \`next start\` and PostgreSQL on the same 127.0.0.1 machine (${os.cpus().length} cores; load average = the machine's 1-minute load when the target finished). CPU per request: the app server's process and this machine's PostgreSQL processes, from /proc, over the target's requests.`,
    "",
    ...(indexing ? [indexing, ""] : []),
    `${coverage.indexed.toLocaleString("en-US")} papers have vectors and ${coverage.similar.toLocaleString("en-US")} their similar papers; the paper targets take papers that have them.`,
    "",
    "| target | requests/s | views/s | share of static | share of static just before | p50 | p99 | app CPU / request | PostgreSQL CPU / request | errors + timeouts | 4xx | 5xx | load average |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ...rows,
    "",
    ...(browserRows.length
      ? [
          "In Chromium, each view in a fresh browser, scrolled to its end: the requests it sent and what they cost the server.",
          "",
          "| view | requests | of which router prefetches | app CPU / view | PostgreSQL CPU / view |",
          "|---|---|---|---|---|",
          ...browserRows,
          "",
        ]
      : []),
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
}
