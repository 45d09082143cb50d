import path from "node:path";

import { migrate } from "../prisma/migrate";
import { dropDatabase, ensureDatabase, withDatabase } from "../scripts/database";
import { startEmbeddedPostgres } from "../scripts/embedded-postgres";
import { loadSyntheticCorpus } from "./corpus";

const root = path.resolve(import.meta.dirname, "..");

/**
 * The database `paperpulse_bench_<papers>`, migrated and filled with the synthetic corpus, on
 * BENCH_DATABASE_URL's or TEST_DATABASE_URL's server, else an embedded one. The corpus is kept
 * between runs (a million papers take many minutes to make); BENCH_FRESH=1 remakes it.
 */
export async function openBenchDatabase(papers: number): Promise<{ databaseUrl: string; close: () => Promise<void> }> {
  let adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  let close = async () => {};
  if (!adminUrl) {
    const server = await startEmbeddedPostgres({ dataDir: path.join(root, ".data", "bench-postgres"), port: 54331 });
    adminUrl = server.url("postgres");
    close = server.stop;
  }
  const name = `paperpulse_bench_${papers}`;
  if (process.env.BENCH_FRESH) await dropDatabase(adminUrl, name);
  await ensureDatabase(adminUrl, name);
  const databaseUrl = withDatabase(adminUrl, name);
  await migrate(databaseUrl);
  const started = Date.now();
  await loadSyntheticCorpus(databaseUrl, papers, (done, total) => {
    const rate = done / ((Date.now() - started) / 1000);
    process.stderr.write(`\rCorpus: ${done.toLocaleString("en-US")} / ${total.toLocaleString("en-US")} papers (${rate.toFixed(0)}/s)   `);
  });
  process.stderr.write("\n");
  return { databaseUrl, close };
}
