import { cp, mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { inject } from "vitest";
import { describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { migrate, readMigrations } from "@/prisma/migrate";

const databaseUrl = () => inject("databaseUrl");

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
