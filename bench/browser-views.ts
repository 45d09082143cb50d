// What a page view costs the server in a real browser: the page, then whatever its scripts ask for
// (the reader's state, prefetches of the links in view), which the load test's HTTP client never
// asks. The links' prefetches once made a view cost ten times its page (components/link.tsx).
import { chromium, type Request } from "@playwright/test";

import { CHROMIUM_ARGS, chromiumPath } from "../tests/support/chromium-path";

import { cpuPerRequest, cpuSoFar } from "./process-cpu";

export type BrowserView = { name: string; path: string; cookie?: string };

/** Views of each page measured, each in a browser of its own: /proc counts CPU in 10 ms ticks. */
const VIEWS = 10;
/** How long a view may keep the network busy: longer is reported, not waited for. */
const SETTLE_MS = 15_000;

/**
 * Each view VIEWS times in a fresh browser context (after one view that fills the caches), scrolled
 * to the end and back, until the network is idle (or SETTLE_MS). Rows of a table: the requests a
 * view sent (the router's prefetches apart) and the app server's and PostgreSQL's CPU per view.
 */
export async function measureBrowserViews(baseUrl: string, appPid: number | undefined, views: BrowserView[]): Promise<string[]> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const rows: string[] = [];
  try {
    for (const view of views) {
      const visit = async () => {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        if (view.cookie) await context.addCookies(cookiesOf(view.cookie, baseUrl));
        const page = await context.newPage();
        const sent: Request[] = [];
        page.on("request", (request) => sent.push(request));
        await page.goto(new URL(view.path, baseUrl).href);
        await page.mouse.wheel(0, 20_000);
        await page.mouse.wheel(0, -20_000);
        const settled = await page
          .waitForLoadState("networkidle", { timeout: SETTLE_MS })
          .then(() => true)
          .catch(() => false);
        await context.close();
        const ours = sent.filter((request) => request.url().startsWith(baseUrl));
        return { requests: ours.length, prefetches: ours.filter((request) => request.headers()["next-router-prefetch"]).length, settled };
      };
      await visit();
      const before = cpuSoFar(appPid);
      let requests = 0;
      let prefetches = 0;
      let unsettled = 0;
      for (let index = 0; index < VIEWS; index++) {
        const seen = await visit();
        requests += seen.requests;
        prefetches += seen.prefetches;
        if (!seen.settled) unsettled++;
      }
      const cpu = cpuPerRequest(before, cpuSoFar(appPid), VIEWS);
      const busy = unsettled ? ` (${unsettled} of ${VIEWS} still busy after ${SETTLE_MS / 1000} s)` : "";
      rows.push(
        `| ${view.name}${busy} | ${(requests / VIEWS).toFixed(0)} | ${(prefetches / VIEWS).toFixed(0)} | ${cpu.app} | ${cpu.postgres} |`,
      );
    }
  } finally {
    await browser.close();
  }
  return rows;
}

function cookiesOf(header: string, baseUrl: string) {
  return header.split("; ").map((pair) => {
    const [name, ...value] = pair.split("=");
    return { name: name!, value: value.join("="), url: baseUrl };
  });
}
