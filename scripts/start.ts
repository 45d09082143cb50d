// `npm start` (and `npm run dev`, with --dev): the whole app on one command. Without DATABASE_URL it
// runs an embedded PostgreSQL under .data/; it then migrates, seeds, builds when the sources changed
// (`next dev` compiles on request instead), and serves on 127.0.0.1. It restarts the database and
// the app server when either dies, and Ctrl-C stops both.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import { startAppServer } from "./app-server";
import { buildIfChanged } from "./build-if-changed";
import { ensureDatabase } from "./database";
import { generateClientIfStale } from "./prisma-client";
import { supervise, type Supervised } from "./supervise";
import { superviseEmbeddedPostgres } from "./supervised-postgres";

const root = path.resolve(import.meta.dirname, "..");
const mode = process.argv.includes("--dev") ? "dev" : "start";

function log(message: string) {
  console.log(`\x1b[2m[paperpulse]\x1b[0m ${message}`);
}

/** A secret kept in the data directory so that cookies and links stay valid across restarts. */
async function localSecret(dataDir: string, name: string): Promise<string> {
  const file = path.join(dataDir, name);
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const secret = randomBytes(32).toString("hex");
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

/** The environment the app runs with: what was given, plus local defaults for what was not. */
async function localAppEnv(given: NodeJS.ProcessEnv, dataDir: string): Promise<NodeJS.ProcessEnv> {
  const env: NodeJS.ProcessEnv = { NEXT_TELEMETRY_DISABLED: "1", ...given };
  env.PORT ||= "3000";
  // Emailed links must open this instance, whatever port it serves on.
  env.APP_URL ||= `http://localhost:${env.PORT}`;
  env.APP_SECRET ||= await localSecret(dataDir, "app-secret");
  env.CRON_SECRET ||= await localSecret(dataDir, "cron-secret");
  return env;
}

const supervised: Supervised[] = [];
let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  log("Stopping …");
  for (const service of supervised) service.stopRestarting();
  // The app first, so that it does not see its database vanish; then the database.
  for (const service of supervised.reverse()) await service.stop().catch((error: unknown) => console.error(error));
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void stop(0));

async function bootstrap(): Promise<NodeJS.ProcessEnv> {
  const dataDir = path.resolve(root, process.env.DATA_DIR || ".data");
  await mkdir(dataDir, { recursive: true });
  const env = await localAppEnv(process.env, dataDir);
  if (!env.DATABASE_URL) {
    log(`No DATABASE_URL: starting the embedded PostgreSQL in ${path.relative(root, dataDir)}/postgres …`);
    const database = superviseEmbeddedPostgres({ dataDir, port: Number(env.EMBEDDED_PG_PORT || 54329), log });
    supervised.push(database);
    await database.ready;
    env.DATABASE_URL = database.url("paperpulse");
    await ensureDatabase(database.url("postgres"), "paperpulse");
  }
  await generateClientIfStale(env, log);
  const { migrate } = await import("../prisma/migrate");
  const applied = await migrate(env.DATABASE_URL!);
  log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database schema is up to date.");
  // In a process of its own, so that this long-lived one holds no connection pool to the database.
  const seed = spawnSync(path.join(root, "node_modules", ".bin", "tsx"), ["--conditions=react-server", "prisma/seed.ts"], {
    cwd: root,
    env,
    stdio: "inherit",
  });
  if (seed.status !== 0) throw new Error("Loading the seed papers failed");
  if (mode === "start") await buildIfChanged(env, log);
  return env;
}

try {
  const env = await bootstrap();
  const port = env.PORT!;
  const app = supervise(mode === "dev" ? "next dev" : "App server", () => startAppServer(mode, port, env), log);
  supervised.push(app);
  await app.ready;
  log(`PaperPulse on ${env.APP_URL}${mode === "dev" ? " (development: pages reload as you edit)" : ""}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await stop(1);
}
