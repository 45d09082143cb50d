// Playwright's web server: the production build, `next start` once per worker (tests/e2e/e2e-server.ts),
// each on a seeded database of its own. It says "e2e servers ready" once every one answers.
import { spawn, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";

import { buildIfChanged } from "../../scripts/build-if-changed";
import { provisionTestDatabases } from "../../scripts/test-database";
import { startFixtureServer } from "../support/fixture-server";
import { RECORDED_ARXIV_PATH, RECORDED_HF_PATH, recordedApis } from "../support/recorded-apis";
import { databaseUrlFile, E2E_WORKERS, FIRST_E2E_PORT } from "./e2e-server";

const root = path.resolve(import.meta.dirname, "../..");
const ports = Array.from({ length: E2E_WORKERS }, (_, i) => FIRST_E2E_PORT + i);

const databases = await provisionTestDatabases({ seed: true, count: ports.length });
// Specs that check what is left in the database (an account deletion) find it through these files.
ports.forEach((port, i) => writeFileSync(databaseUrlFile(port), databases.urls[i]!));
// The recorded arXiv and Hugging Face answers stand in for the real APIs (no internet in tests).
const fixtures = await startFixtureServer(recordedApis());
const env = (port: number, databaseUrl: string): NodeJS.ProcessEnv => ({
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL: databaseUrl,
  APP_URL: `http://127.0.0.1:${port}`,
  APP_SECRET: "e2e-secret-e2e-secret-e2e-secret-0123456",
  CRON_SECRET: "e2e-cron-secret-0123456789",
  ARXIV_API_URL: `${fixtures.url}${RECORDED_ARXIV_PATH}`,
  ARXIV_REQUEST_INTERVAL_MS: "0",
  HF_API_URL: `${fixtures.url}${RECORDED_HF_PATH}`,
  SCHEDULER: "off",
  SMTP_URL: "",
  // Every spec searches from 127.0.0.1, thousands of times in the hostile-input one; the budget
  // itself is tested on an instance of its own (trust.spec.ts).
  SEARCH_RATE_LIMIT: "100000/60",
  // Likewise every spec that subscribes or signs in sends its email from 127.0.0.1; the per-address
  // limits still hold, and trust.spec.ts checks them on its own instance.
  EMAIL_RATE_LIMIT: "1000/3600",
});

try {
  await buildIfChanged(env(ports[0]!, databases.urls[0]!), console.log);
} catch (error) {
  await databases.drop();
  throw error;
}

const servers: ChildProcess[] = ports.map((port, i) =>
  spawn(path.join(root, "node_modules", ".bin", "next"), ["start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: root,
    env: env(port, databases.urls[i]!),
    stdio: "inherit",
  }),
);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  const exits = servers.map((server) => (server.exitCode === null ? new Promise((resolve) => server.once("exit", resolve)) : null));
  for (const server of servers) server.kill("SIGTERM");
  await Promise.all(exits);
  await databases.drop();
  await fixtures.close();
  process.exit(0);
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
for (const server of servers) server.on("exit", () => void stop());

const answers = async (port: number) =>
  fetch(`http://127.0.0.1:${port}/api/papers?period=all&limit=1`).then(
    (response) => response.ok,
    () => false,
  );
while (!stopping && !(await Promise.all(ports.map(answers))).every(Boolean)) await new Promise((resolve) => setTimeout(resolve, 100));
if (!stopping) console.log(`e2e servers ready on ports ${ports.join(", ")}`);
