import { defineConfig, devices } from "@playwright/test";

import { E2E_WORKERS, e2eUrl } from "./tests/e2e/e2e-server";
import { CHROMIUM_ARGS, chromiumPath } from "./tests/support/chromium-path";

export default defineConfig({
  testDir: "tests/e2e",
  // Spec files run side by side, each worker against a server and database of its own
  // (tests/e2e/e2e-server.ts); a file's tests run in order, in one worker.
  fullyParallel: false,
  workers: E2E_WORKERS,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? "list" : [["list"], ["html", { open: "never" }]],
  timeout: 30_000,
  use: {
    baseURL: e2eUrl,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: "node_modules/.bin/tsx --conditions=react-server tests/e2e/serve.ts",
    wait: { stdout: /e2e servers ready/ },
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
