// A database of its own for one test run: on TEST_DATABASE_URL's server when set (CI points it at
// the machine's PostgreSQL), else on an embedded PostgreSQL, so `npm test` works on a bare laptop.
import { randomBytes } from "node:crypto";
import { spawnSync } from "node:child_process";
import path from "node:path";

import { migrate } from "../prisma/migrate";
import { copyDatabase, dropDatabase, ensureDatabase, withDatabase } from "./database";
import { startEmbeddedPostgres } from "./embedded-postgres";

const root = path.resolve(import.meta.dirname, "..");

/** Loads the seed papers in a process of its own (the seed reads its database from the environment). */
export function seedDatabase(url: string): void {
  const result = spawnSync(path.join(root, "node_modules", ".bin", "tsx"), ["--conditions=react-server", "prisma/seed.ts"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, APP_SECRET: "seed-only-secret-0123456789abcdef0123" },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`Seeding the test database failed:\n${result.stderr}`);
}

export type TestDatabase = { url: string; drop: () => Promise<void> };
export type TestDatabases = { urls: string[]; drop: () => Promise<void> };

export async function provisionTestDatabase(options: { seed: boolean }): Promise<TestDatabase> {
  const { urls, drop } = await provisionTestDatabases({ ...options, count: 1 });
  return { url: urls[0]!, drop };
}

/**
 * `count` databases alike, for test files that run side by side: one is migrated (and seeded), the
 * others are PostgreSQL's copies of it, made in well under a second each.
 */
export async function provisionTestDatabases(options: { seed: boolean; count: number }): Promise<TestDatabases> {
  let adminUrl = process.env.TEST_DATABASE_URL;
  let stopServer = async () => {};
  if (!adminUrl) {
    const server = await startEmbeddedPostgres({
      dataDir: path.join(root, ".data", "test-postgres"),
      port: Number(process.env.EMBEDDED_TEST_PG_PORT ?? 54330),
    });
    adminUrl = server.url("postgres");
    stopServer = server.stop;
  }
  const admin = adminUrl;
  const name = `paperpulse_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const names = [name, ...Array.from({ length: options.count - 1 }, (_, i) => `${name}_${i + 2}`)];
  const drop = async () => {
    for (const each of names) await dropDatabase(admin, each);
    await stopServer();
  };
  try {
    await ensureDatabase(admin, name);
    await migrate(withDatabase(admin, name));
    if (options.seed) seedDatabase(withDatabase(admin, name));
    for (const copy of names.slice(1)) await copyDatabase(admin, name, copy);
  } catch (error) {
    await drop();
    throw error;
  }
  return { urls: names.map((each) => withDatabase(admin, each)), drop };
}
