import { cp, mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { randomBytes } from "node:crypto";
import { mkdir } from "node:fs/promises";

import pg from "pg";
import { describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { migrate, NO_TRANSACTION_MARKER, readMigrations } from "@/prisma/migrate";
import { dropDatabase, ensureDatabase, withDatabase } from "@/scripts/database";

const databaseUrl = () => process.env.DATABASE_URL!;

describe("migration runner", () => {
  it("records every migration as Prisma does, with the SHA-256 of its file", async () => {
    const migrations = await readMigrations();
    const rows = await db.$queryRaw<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }[]>`
      SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`;
    expect(rows.map((row) => [row.migration_name, row.checksum])).toEqual(migrations.map((m) => [m.name, m.checksum]));
    expect(rows.every((row) => row.finished_at !== null && row.applied_steps_count === 1)).toBe(true);
  });

  it("applies nothing the second time", async () => {
    expect(await migrate(databaseUrl())).toEqual([]);
  });

  it("refuses a migration edited after it was applied", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "migrations-"));
    await cp(path.join(import.meta.dirname, "../../prisma/migrations"), dir, { recursive: true });
    const [first] = (await readdir(dir, { withFileTypes: true })).filter((entry) => entry.isDirectory());
    await writeFile(path.join(dir, first!.name, "migration.sql"), "-- edited\nSELECT 1;");
    await expect(migrate(databaseUrl(), dir)).rejects.toThrow(/was edited after it was applied/);
  });

  it("rolls back a failing migration whole and records nothing", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "migrations-"));
    await cp(path.join(import.meta.dirname, "../../prisma/migrations"), dir, { recursive: true });
    const broken = path.join(dir, "29991231000000_broken");
    await cp(path.join(dir, (await readMigrations(dir))[0]!.name), broken, { recursive: true });
    await writeFile(path.join(broken, "migration.sql"), "CREATE TABLE half_done (id int);\nSELECT no_such_function();");
    await expect(migrate(databaseUrl(), dir)).rejects.toThrow(/29991231000000_broken failed and was rolled back/);
    const [table] = await db.$queryRaw<{ exists: boolean }[]>`SELECT to_regclass('half_done') IS NOT NULL AS exists`;
    expect(table?.exists).toBe(false);
    const recorded = await db.$queryRaw<unknown[]>`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '29991231000000_broken'`;
    expect(recorded).toHaveLength(0);
  });
});

/** A directory of migrations, each `[name, sql]`. */
async function migrationsDir(migrations: [string, string][]): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "migrations-"));
  for (const [name, sql] of migrations) {
    await mkdir(path.join(dir, name));
    await writeFile(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

describe("a migration outside a transaction", () => {
  const table: [string, string] = [
    "20000101000000_table",
    "CREATE TABLE big (id int, value text);\nINSERT INTO big SELECT g, 'v' || g FROM generate_series(1, 1000) AS g;",
  ];
  const concurrently =
    "CREATE INDEX CONCURRENTLY big_value_idx ON big (value);\n-- Several statements; a semicolon in a string: ';'\nCREATE INDEX CONCURRENTLY big_id_idx ON big (id);\n";

  it("builds indexes concurrently when its first line opts out, refuses them otherwise, and stops after a failure part-way", async () => {
    const server = databaseUrl();
    const name = `paperpulse_migrations_${randomBytes(4).toString("hex")}`;
    await ensureDatabase(server, name);
    const url = withDatabase(server, name);
    const client = new pg.Client({ connectionString: url });
    try {
      const inTransaction = await migrationsDir([table, ["20000101000001_indexes", concurrently]]);
      await expect(migrate(url, inTransaction)).rejects.toThrow(
        /20000101000001_indexes failed and was rolled back: CREATE INDEX CONCURRENTLY cannot run inside a transaction block/,
      );

      const outside = await migrationsDir([table, ["20000101000001_indexes", `${NO_TRANSACTION_MARKER}\n${concurrently}`]]);
      expect(await migrate(url, outside)).toEqual(["20000101000001_indexes"]);
      await client.connect();
      const { rows: indexes } = await client.query<{ name: string; valid: boolean }>(
        `SELECT c.relname AS name, i.indisvalid AS valid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
         WHERE i.indrelid = 'big'::regclass ORDER BY 1`,
      );
      expect(indexes).toEqual([
        { name: "big_id_idx", valid: true },
        { name: "big_value_idx", valid: true },
      ]);
      const { rows: recorded } = await client.query(
        `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '20000101000001_indexes' AND finished_at IS NOT NULL`,
      );
      expect(recorded).toHaveLength(1);

      const broken = await migrationsDir([
        table,
        ["20000101000001_indexes", `${NO_TRANSACTION_MARKER}\n${concurrently}`],
        [
          "20000101000002_broken",
          `${NO_TRANSACTION_MARKER}\nCREATE INDEX CONCURRENTLY big_both_idx ON big (id, value);\nSELECT no_such_function();`,
        ],
      ]);
      await expect(migrate(url, broken)).rejects.toThrow(/20000101000002_broken failed part-way/);
      await expect(migrate(url, broken)).rejects.toThrow(/20000101000002_broken failed earlier/);
    } finally {
      await client.end().catch(() => {});
      await dropDatabase(server, name);
    }
  });
});
