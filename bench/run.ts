// `npm run bench`: a synthetic corpus of BENCH_PAPERS papers (100k by default) in a database of its
// own, the production app in front of it, and every section's numbers as ratios taken in one run.
// Results are printed and kept in bench/results/.
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import pg from "pg";

import { startAppServer } from "./app-server";
import { openBenchDatabase } from "./bench-database";
import { benchFeed } from "./feed";

type Section = (ctx: { databaseUrl: string; baseUrl: string; papers: number }) => Promise<string>;

const root = path.resolve(import.meta.dirname, "..");
const papers = Number(process.env.BENCH_PAPERS ?? 100_000);
const only = process.env.BENCH_ONLY?.split(",");

/** Sections written by other modules join when their file exists. */
async function optionalSection(file: string, name: string): Promise<Section | null> {
  if (!existsSync(path.join(import.meta.dirname, `${file}.ts`))) return null;
  const sectionModule = (await import(`./${file}`)) as Record<string, Section>;
  return sectionModule[name] ?? null;
}

async function machineDescription(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ version: string }>("SELECT version()");
  await client.end();
  return [
    `- Date: ${new Date().toISOString()}`,
    `- Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "unknown CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}`,
    `- Node ${process.version}; ${rows[0]?.version.split(",")[0]}`,
    `- Corpus: ${papers.toLocaleString("en-US")} synthetic papers + the 81 seed papers`,
  ].join("\n");
}

async function main() {
  const { databaseUrl, close } = await openBenchDatabase(papers);
  const app = await startAppServer(databaseUrl, Number(process.env.BENCH_PORT ?? 3500));
  const sections: [string, Section | null][] = [
    ["feed", benchFeed],
    ["search", await optionalSection("search", "benchSearch")],
    ["ingest", await optionalSection("ingest", "benchIngest")],
    ["library", await optionalSection("library", "benchLibrary")],
    ["digest", await optionalSection("digest", "benchDigest")],
    ["recommend", await optionalSection("recommend", "benchRecommend")],
  ];
  const report = [`# PaperPulse benchmark`, "", await machineDescription(databaseUrl)];
  try {
    for (const [key, section] of sections) {
      if (!section || (only && !only.includes(key))) continue;
      console.error(`Running the ${key} benchmark …`);
      report.push("", await section({ databaseUrl, baseUrl: app.baseUrl, papers }));
    }
  } finally {
    await app.stop();
    await close();
  }

  const text = `${report.join("\n")}\n`;
  console.log(text);
  await mkdir(path.join(root, "bench", "results"), { recursive: true });
  const file = path.join(root, "bench", "results", `${new Date().toISOString().slice(0, 10)}-${papers}.md`);
  await writeFile(file, text);
  console.error(`Saved to ${path.relative(root, file)}`);
}

await main();
