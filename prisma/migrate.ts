import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

import pg from "pg";

const migrationsDir = path.join(import.meta.dirname, "migrations");

// The same lock id `prisma migrate` takes, so our runner and Prisma's never interleave.
const PRISMA_ADVISORY_LOCK = 72707369;

// Prisma's own bookkeeping table, column for column, so `prisma migrate deploy` and this runner
// can take turns on the same database.
const CREATE_MIGRATIONS_TABLE = `
  CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"            VARCHAR(64) NOT NULL,
    "finished_at"         TIMESTAMPTZ,
    "migration_name"      VARCHAR(255) NOT NULL,
    "logs"                TEXT,
    "rolled_back_at"      TIMESTAMPTZ,
    "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
  )`;

export type Migration = { name: string; sql: string; checksum: string };

/**
 * A migration whose first line is this comment runs outside a transaction, one statement at a time:
 * for statements PostgreSQL refuses inside one, like `CREATE INDEX CONCURRENTLY`, which builds an
 * index on a large table without blocking writes to it. Should one of its statements fail, what ran
 * before it stays (an index built concurrently stays INVALID) and the migration is recorded as
 * failed: undo what it did, then mark it rolled back.
 */
export const NO_TRANSACTION_MARKER = "-- migrate: no-transaction";

export const runsOutsideTransaction = (sql: string) => sql.split("\n", 1)[0]!.trim() === NO_TRANSACTION_MARKER;

export async function readMigrations(dir = migrationsDir): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

/**
 * Applies the migrations not yet recorded, each in its own transaction (unless it opts out, see
 * NO_TRANSACTION_MARKER), and returns their names.
 * Refuses to run over a migration that failed half-way or was edited after it was applied.
 */
export async function migrate(databaseUrl: string, dir = migrationsDir): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK]);
    await client.query(CREATE_MIGRATIONS_TABLE);
    const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const recorded = new Map(rows.map((row) => [row.migration_name, row]));
    const applied: string[] = [];
    for (const migration of await readMigrations(dir)) {
      const record = recorded.get(migration.name);
      if (record && !record.finished_at) {
        throw new Error(`Migration ${migration.name} failed earlier; fix the database, then mark it rolled back.`);
      }
      if (record) {
        if (record.checksum !== migration.checksum) {
          throw new Error(`Migration ${migration.name} was edited after it was applied; add a new migration instead.`);
        }
        continue;
      }
      await applyMigration(client, migration);
      applied.push(migration.name);
    }
    return applied;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK]).catch(() => {});
    await client.end();
  }
}

async function applyMigration(client: pg.Client, migration: Migration) {
  if (runsOutsideTransaction(migration.sql)) return applyOutsideTransaction(client, migration);
  try {
    await client.query("BEGIN");
    await client.query(migration.sql);
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), now(), 1)`,
      [randomUUID(), migration.checksum, migration.name],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Migration ${migration.name} failed and was rolled back: ${reason}`, { cause: error });
  }
}

/** Recorded as started first, so a failure part-way leaves a record that stops later runs, as Prisma's does. */
async function applyOutsideTransaction(client: pg.Client, migration: Migration) {
  const id = randomUUID();
  await client.query(
    `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`,
    [id, migration.checksum, migration.name],
  );
  try {
    for (const statement of splitStatements(migration.sql)) await client.query(statement);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await client.query(`UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1`, [id, reason]);
    throw new Error(
      `Migration ${migration.name} failed part-way (it runs outside a transaction): ${reason}. Undo what it did, then mark it rolled back.`,
      { cause: error },
    );
  }
  await client.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
}

/**
 * The statements of a script, split at semicolons outside quotes, quoted identifiers, dollar-quoted
 * bodies and comments. (Sent whole, a script of several statements is one implicit transaction.)
 */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  const skip = /'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\/\*[\s\S]*?\*\/|\$([A-Za-z_]\w*)?\$[\s\S]*?\$\1\$|;/g;
  let start = 0;
  for (const match of sql.matchAll(skip)) {
    if (match[0] !== ";") continue;
    statements.push(sql.slice(start, match.index));
    start = match.index + 1;
  }
  statements.push(sql.slice(start));
  return statements.filter((statement) => statement.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, "").trim() !== "");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set.");
    process.exit(1);
  }
  const applied = await migrate(url);
  console.log(applied.length ? `Applied ${applied.join(", ")}` : "Database is up to date.");
}
