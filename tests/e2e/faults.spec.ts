import { spawn, type ChildProcess } from "node:child_process";
import { rm } from "node:fs/promises";
import path from "node:path";

import { expect, test } from "@playwright/test";

import { migrate } from "../../prisma/migrate";
import { ensureDatabase } from "../../scripts/database";
import { startEmbeddedPostgres, type RunningPostgres } from "../../scripts/embedded-postgres";
import { seedDatabase } from "../../scripts/test-database";

// A second app instance on a PostgreSQL of its own that this spec can stop and start under it.
const root = path.resolve(import.meta.dirname, "../..");
const port = Number(process.env.E2E_FAULT_PORT ?? 3150);
const baseUrl = `http://127.0.0.1:${port}`;

let postgres: RunningPostgres;
let app: ChildProcess;

async function waitFor(check: () => Promise<boolean>, seconds: number) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Condition not met within ${seconds} s`);
}

test.describe.configure({ mode: "serial", timeout: 120_000 });

test.beforeAll(async () => {
  // A fresh PostgreSQL, every migration, the seed and a server start: slow on a busy machine.
  test.setTimeout(120_000);
  const dataDir = path.join(root, ".data", "fault-postgres");
  await rm(dataDir, { recursive: true, force: true });
  postgres = await startEmbeddedPostgres({ dataDir, port: Number(process.env.E2E_FAULT_PG_PORT ?? 54332) });
  await ensureDatabase(postgres.url("postgres"), "paperpulse");
  const databaseUrl = postgres.url("paperpulse");
  await migrate(databaseUrl);
  seedDatabase(databaseUrl);
  app = spawn(path.join(root, "node_modules", ".bin", "next"), ["start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      APP_URL: baseUrl,
      APP_SECRET: "fault-secret-fault-secret-fault-secret-0",
      SCHEDULER: "off",
      SMTP_URL: "",
    },
    stdio: "ignore",
  });
  await waitFor(async () => (await fetch(`${baseUrl}/api/health`)).ok, 60);
});

test.afterAll(async () => {
  app?.kill("SIGTERM");
  await postgres?.stop().catch(() => {});
});

test("while the database is down the API answers 503 with a message, then recovers by itself", async ({ request }) => {
  expect((await request.get(`${baseUrl}/api/papers?period=all&limit=1`)).status()).toBe(200);

  await postgres.stop();
  const down = await request.get(`${baseUrl}/api/papers?period=all&limit=1`);
  expect(down.status()).toBe(503);
  expect(down.headers()["retry-after"]).toBe("5");
  expect((await down.json()).error).toMatchObject({ code: "unavailable", message: expect.stringContaining("database") });
  expect((await request.get(`${baseUrl}/api/health`)).status()).toBe(503);
  // Crawlers and load balancers need the status; people need the site's own page saying what happened.
  // (The proxy asks the database at most once a second.)
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  for (const path of ["/", "/?period=week", "/search?q=diffusion", "/papers/2502.03387"]) {
    const page = await request.get(`${baseUrl}${path}`);
    expect(page.status(), path).toBe(503);
    expect(page.headers()["retry-after"], path).toBe("5");
    const html = await page.text();
    expect(html, path).toContain("PaperPulse cannot reach its database");
    expect(html, path).toContain("Skip to content");
    expect(html, path).not.toMatch(/at .+\.(ts|js):\d+|ECONNREFUSED|Prisma|Loading papers/);
  }

  await postgres.restart();
  await waitFor(async () => (await request.get(`${baseUrl}/api/papers?period=all&limit=1`)).status() === 200, 30);
  expect((await request.get(`${baseUrl}/api/health`)).status()).toBe(200);
  expect((await request.get(`${baseUrl}/papers/2502.03387`)).status()).toBe(200);
});
