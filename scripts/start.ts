// `npm start`: the whole app on one command. Without DATABASE_URL it runs an embedded PostgreSQL
// under .data/; it then migrates, seeds, builds when the sources changed, and serves on 127.0.0.1.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import { buildIfChanged } from "./build-if-changed";
import { ensureDatabase } from "./database";
import { startEmbeddedPostgres, type RunningPostgres } from "./embedded-postgres";

const root = path.resolve(import.meta.dirname, "..");
const dataDir = path.join(root, ".data");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

function log(message: string) {
  console.log(`\x1b[2m[paperpulse]\x1b[0m ${message}`);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`${path.basename(command)} ${args.join(" ")} failed`);
}

/** A secret kept under .data/ so that cookies and links stay valid across restarts. */
async function localSecret(name: string): Promise<string> {
  const file = path.join(dataDir, name);
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const secret = randomBytes(32).toString("hex");
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

async function main() {
  await mkdir(dataDir, { recursive: true });
  const env: NodeJS.ProcessEnv = { NEXT_TELEMETRY_DISABLED: "1", ...process.env };
  let postgres: RunningPostgres | undefined;

  if (!env.DATABASE_URL) {
    log("No DATABASE_URL: starting the embedded PostgreSQL in .data/postgres …");
    postgres = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), port: Number(env.EMBEDDED_PG_PORT ?? 54329) });
    env.DATABASE_URL = postgres.url("paperpulse");
    await ensureDatabase(postgres.url("postgres"), "paperpulse");
  }
  env.APP_SECRET ??= await localSecret("app-secret");
  env.CRON_SECRET ??= await localSecret("cron-secret");

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await postgres?.stop().catch(() => {});
    process.exit(code);
  };

  try {
    if (!existsSync(path.join(root, "lib", "generated", "prisma", "client.ts"))) {
      log("Generating the Prisma client …");
      run(bin("prisma"), ["generate"], { ...env, PRISMA_SCHEMA_ENGINE_BINARY: "/bin/true" });
    }
    process.env.DATABASE_URL = env.DATABASE_URL;
    process.env.APP_SECRET = env.APP_SECRET;
    const { migrate } = await import("../prisma/migrate");
    const applied = await migrate(env.DATABASE_URL!);
    log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database schema is up to date.");
    const { seed } = await import("../prisma/seed");
    const counts = await seed();
    log(`Seed papers: ${counts.inserted} new, ${counts.updated} updated, ${counts.unchanged} unchanged.`);

    await buildIfChanged(env, log);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await stop(1);
  }

  const port = env.PORT ?? "3000";
  const server = spawn(bin("next"), ["start", "-H", "127.0.0.1", "-p", port], { cwd: root, env, stdio: "inherit" });
  log(`PaperPulse on http://localhost:${port}`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      log("Stopping …");
      server.kill(signal);
    });
  }
  server.on("exit", (code) => void stop(code ?? 0));
}

await main();
