// `npm start`'s bootstrap and supervisor, run for real (in its --dev mode, which needs no build) on
// ports and a data directory of its own: APP_URL follows PORT, a killed database and a killed app
// server come back by themselves, and Ctrl-C stops everything.
import { spawn, type ChildProcess } from "node:child_process";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";

import { afterAll, beforeAll, expect, test } from "vitest";

import { freePort } from "../support/free-port";

const root = path.resolve(import.meta.dirname, "../..");
const dataDir = path.join(root, ".data", "start-supervision-test");

let start: ChildProcess;
let output = "";
let port: number;
let baseUrl: string;

async function waitFor<T>(what: string, check: () => Promise<T | undefined> | T | undefined, seconds: number): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    const value = await Promise.resolve()
      .then(check)
      .catch(() => undefined);
    if (value !== undefined && value !== false) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what} within ${seconds} s. Output of npm start:\n${output.slice(-4000)}`);
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const healthy = async () => ((await fetch(`${baseUrl}/api/health`)).ok ? true : undefined);
const postmasterPid = async () => Number((await readFile(path.join(dataDir, "postgres", "postmaster.pid"), "utf8")).split("\n")[0]);
const loggedPid = (pattern: RegExp) => {
  const matches = [...output.matchAll(pattern)];
  return matches.length ? Number(matches.at(-1)![1]) : undefined;
};

beforeAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
  port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), EMBEDDED_PG_PORT: String(await freePort()), DATA_DIR: dataDir };
  // What the test runner sets for the other tests would stand in for what `npm start` must work out.
  for (const name of ["DATABASE_URL", "APP_URL", "APP_SECRET", "CRON_SECRET", "NODE_ENV", "SMTP_URL"]) delete env[name];
  env.SCHEDULER = "off";
  start = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["--conditions=react-server", "scripts/start.ts", "--dev"], {
    cwd: root,
    env,
    detached: true,
  });
  start.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  start.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await waitFor("The app did not answer /api/health", healthy, 240);
}, 300_000);

afterAll(async () => {
  if (start?.exitCode === null) process.kill(-start.pid!, "SIGKILL");
  const leftovers = [loggedPid(/next dev (?:started|restarted) \(pid (\d+)\)/g), await postmasterPid().catch(() => undefined)];
  for (const pid of leftovers) if (pid && isAlive(pid)) process.kill(pid, "SIGKILL");
  await rm(dataDir, { recursive: true, force: true });
});

test("links default to the port the app serves on", async () => {
  const response = await fetch(`${baseUrl}/api/subscriptions/unsubscribe?token=abc`, { redirect: "manual" });
  expect(response.status).toBe(303);
  expect(response.headers.get("location")).toBe(`http://localhost:${port}/unsubscribe?token=abc`);
}, 120_000);

test("a killed database is restarted, logged, and the app recovers", async () => {
  const before = await postmasterPid();
  process.kill(before, "SIGKILL");
  await waitFor("No restart was logged", () => /PostgreSQL stopped unexpectedly \(killed by SIGKILL\)/.test(output) || undefined, 30);
  const after = await waitFor("PostgreSQL did not come back", () => loggedPid(/PostgreSQL restarted \(pid (\d+)\)/g), 120);
  expect(after).not.toBe(before);
  expect(await postmasterPid()).toBe(after);
  await waitFor("The app did not reach its restarted database", healthy, 120);
}, 300_000);

test("a killed app server is restarted", async () => {
  const before = loggedPid(/next dev started \(pid (\d+)\)/g)!;
  process.kill(before, "SIGKILL");
  await waitFor("No restart was logged", () => /next dev stopped unexpectedly \(killed by SIGKILL\)/.test(output) || undefined, 30);
  const after = await waitFor("The app server did not come back", () => loggedPid(/next dev restarted \(pid (\d+)\)/g), 60);
  expect(after).not.toBe(before);
  await waitFor("The restarted app did not answer", healthy, 120);
}, 240_000);

test("Ctrl-C stops the app server and the database", async () => {
  const app = loggedPid(/next dev (?:started|restarted) \(pid (\d+)\)/g)!;
  const postgres = await postmasterPid();
  const exited = new Promise((resolve) => start.once("exit", resolve));
  process.kill(-start.pid!, "SIGINT");
  await exited;
  await waitFor("The app server outlived npm start", () => !isAlive(app) || undefined, 15);
  await waitFor("PostgreSQL outlived npm start", () => !isAlive(postgres) || undefined, 15);
  await expect(fetch(`${baseUrl}/api/health`)).rejects.toThrow();
  expect(output).not.toMatch(/stopped unexpectedly \(exit code/);
}, 60_000);
