import path from "node:path";

import { migrate } from "../prisma/migrate";
import { dropDatabase, ensureDatabase, withClient, withDatabase } from "../scripts/database";
import { startEmbeddedPostgres } from "../scripts/embedded-postgres";
import { countSyntheticPapers, loadSyntheticCorpus } from "./corpus";

const root = path.resolve(import.meta.dirname, "..");

/** Below this many papers to add, the GIN indexes stay in place while loading. */
const DEFER_INDEXES_FROM = 50_000;

/** The secret of the bench's app processes and of the app modules it imports, unless APP_SECRET names one. */
export const BENCH_APP_SECRET = "bench-secret-bench-secret-bench-secret-01";

/**
 * Points the app modules this process imports (lib/env.ts reads the environment at their first
 * import) at the bench database: call it before importing them.
 */
export function pointAppAtBenchDatabase(databaseUrl: string): void {
  process.env.DATABASE_URL = databaseUrl;
  process.env.APP_SECRET ??= BENCH_APP_SECRET;
}

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
  const missing = papers - (await countSyntheticPapers(databaseUrl));
  if (missing >= DEFER_INDEXES_FROM) await deferGinIndexes(databaseUrl);
  const started = Date.now();
  await loadSyntheticCorpus(databaseUrl, papers, (done, total) => {
    const rate = done / ((Date.now() - started) / 1000);
    process.stderr.write(`\rCorpus: ${done.toLocaleString("en-US")} / ${total.toLocaleString("en-US")} papers (${rate.toFixed(0)}/s)   `);
  });
  process.stderr.write("\n");
  await restoreDeferredIndexes(databaseUrl);
  return { databaseUrl, close };
}

/**
 * Drops the GIN indexes on `paper` before a large load: with them in place rows go in at about
 * 130/s, without them at about 3,000/s, and building them afterwards is far cheaper than keeping
 * them up to date row by row. Their definitions are kept in the database first, so a load that
 * dies half-way still gets them back on the next open.
 */
async function deferGinIndexes(databaseUrl: string): Promise<void> {
  await withClient(databaseUrl, async (client) => {
    await client.query(`CREATE TABLE IF NOT EXISTS bench_deferred_index (name text PRIMARY KEY, definition text NOT NULL)`);
    await client.query(
      `INSERT INTO bench_deferred_index (name, definition)
       SELECT indexname, indexdef FROM pg_indexes
       WHERE schemaname = current_schema() AND tablename = 'paper' AND indexdef LIKE '% USING gin %'
       ON CONFLICT (name) DO NOTHING`,
    );
    const { rows } = await client.query<{ name: string }>("SELECT name FROM bench_deferred_index");
    for (const { name } of rows) await client.query(`DROP INDEX IF EXISTS "${name}"`);
  });
}

async function restoreDeferredIndexes(databaseUrl: string): Promise<void> {
  await withClient(databaseUrl, async (client) => {
    const { rows: table } = await client.query("SELECT 1 FROM pg_tables WHERE tablename = 'bench_deferred_index'");
    if (table.length === 0) return;
    await client.query("SET maintenance_work_mem = '1GB'");
    const { rows } = await client.query<{ name: string; definition: string }>(
      "SELECT name, definition FROM bench_deferred_index ORDER BY name",
    );
    for (const { name, definition } of rows) {
      const started = Date.now();
      process.stderr.write(`Building index ${name} … `);
      await client.query(definition.replace(/^CREATE INDEX /, "CREATE INDEX IF NOT EXISTS "));
      await client.query("DELETE FROM bench_deferred_index WHERE name = $1", [name]);
      process.stderr.write(`${((Date.now() - started) / 1000).toFixed(0)} s\n`);
    }
    await client.query("DROP TABLE bench_deferred_index");
    await client.query("ANALYZE paper");
  });
}
