import { existsSync } from "node:fs";

import { chromium } from "@playwright/test";

/** PLAYWRIGHT_CHROMIUM_PATH, else Debian's Chromium, else Playwright's own download. */
export function chromiumPath(): string | undefined {
  const candidates = [process.env.PLAYWRIGHT_CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  const found = candidates.find((candidate) => candidate && existsSync(candidate));
  if (found) return found;
  if (existsSync(chromium.executablePath())) return undefined;
  throw new Error(
    "No Chromium for the end-to-end tests. Install one (Debian: `apt-get install chromium`; elsewhere " +
      "`npx playwright install chromium`) or point PLAYWRIGHT_CHROMIUM_PATH at a Chromium binary.",
  );
}

/** How the end-to-end tests and the bench start Chromium: as root in a container, without its background traffic. */
export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-background-networking"];
