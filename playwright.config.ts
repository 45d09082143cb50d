import { existsSync } from "node:fs";

import { chromium, defineConfig, devices } from "@playwright/test";

const port = process.env.E2E_PORT ?? "3100";

/** PLAYWRIGHT_CHROMIUM_PATH, else Debian's Chromium, else Playwright's own download. */
function chromiumPath(): string | undefined {
  const candidates = [process.env.PLAYWRIGHT_CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  const found = candidates.find((candidate) => candidate && existsSync(candidate));
  if (found) return found;
  if (existsSync(chromium.executablePath())) return undefined;
  throw new Error(
    "No Chromium for the end-to-end tests. Install one (Debian: `apt-get install chromium`; elsewhere " +
      "`npx playwright install chromium`) or point PLAYWRIGHT_CHROMIUM_PATH at a Chromium binary.",
  );
}

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? "list" : [["list"], ["html", { open: "never" }]],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-background-networking"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: "node_modules/.bin/tsx --conditions=react-server tests/e2e/serve.ts",
    url: `http://127.0.0.1:${port}/api/papers?period=all&limit=1`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
