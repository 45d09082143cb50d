// Playwright's web server: a seeded database of its own, the production build, `next start`.
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { buildIfChanged } from "../../scripts/build-if-changed";
import { provisionTestDatabase } from "../../scripts/test-database";
import { startFixtureServer } from "../support/fixture-server";
import { RECORDED_ARXIV_PATH, RECORDED_HF_PATH, recordedApis } from "../support/recorded-apis";

const root = path.resolve(import.meta.dirname, "../..");
const port = process.env.E2E_PORT ?? "3100";

const database = await provisionTestDatabase({ seed: true });
// Specs that check what is left in the database (an account deletion) find it through this file.
writeFileSync(path.join(tmpdir(), `paperpulse-e2e-${port}.database-url`), database.url);
// The recorded arXiv and Hugging Face answers stand in for the real APIs (no internet in tests).
const fixtures = await startFixtureServer(recordedApis());
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL: database.url,
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
};

try {
  await buildIfChanged(env, console.log);
} catch (error) {
  await database.drop();
  throw error;
}

const server = spawn(path.join(root, "node_modules", ".bin", "next"), ["start", "-H", "127.0.0.1", "-p", port], {
  cwd: root,
  env,
  stdio: "inherit",
});

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  server.kill("SIGTERM");
  await new Promise((resolve) => server.once("exit", resolve));
  await database.drop();
  await fixtures.close();
  process.exit(0);
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
server.on("exit", () => void stop());
