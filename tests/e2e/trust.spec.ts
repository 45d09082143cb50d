import { expect, test, type APIResponse } from "@playwright/test";

import { provisionTestDatabase, type TestDatabase } from "../../scripts/test-database";
import { startAppInstance, type AppInstance } from "../support/app-instance";

// An instance of its own, configured like `npm start` (bound to 127.0.0.1, APP_URL on localhost,
// no proxy in front), so its rate limits and logs belong to these tests alone.
const port = Number(process.env.E2E_TRUST_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 10);
let database: TestDatabase;
let app: AppInstance;

test.describe.configure({ timeout: 120_000 });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  database = await provisionTestDatabase({ seed: true });
  app = await startAppInstance({
    port,
    env: { DATABASE_URL: database.url, APP_URL: `http://localhost:${port}`, APP_SECRET: "trust-secret-trust-secret-trust-secret-0" },
  });
});

test.afterAll(async () => {
  await app?.stop();
  await database?.drop();
});

const subscription = (email: string) => ({ email, topics: ["diffusion"] });

test("a page served at 127.0.0.1 may POST to the API while APP_URL names localhost; other origins may not", async ({ request }) => {
  const post = (origin: string, extra: Record<string, string> = {}) =>
    request.post(`${app.url}/api/subscriptions`, {
      data: subscription(`origin-${Math.random()}@example.com`),
      headers: { origin, ...extra },
    });
  expect((await post(app.url)).status()).toBe(202);
  expect((await post(`http://localhost:${port}`)).status()).toBe(202);
  expect((await post("https://evil.example")).status()).toBe(403);
  // A client cannot vouch for its own forwarded host when no proxy is trusted.
  expect((await post("https://evil.example", { "x-forwarded-host": "evil.example" })).status()).toBe(403);
});

test("a rotating X-Forwarded-For flood is counted against the one address it comes from", async ({ request }) => {
  const statuses: number[] = [];
  for (let i = 0; i < 15; i++) {
    const response = await request.post(`${app.url}/api/subscriptions`, {
      data: subscription(`flood-${i}@example.com`),
      headers: { "x-forwarded-for": `198.51.100.${i + 1}`, "x-real-ip": `203.0.113.${i + 1}` },
    });
    statuses.push(response.status());
  }
  // 10 an hour per address, some of them perhaps spent by the test above.
  expect(statuses.filter((status) => status === 202).length).toBeLessThanOrEqual(10);
  expect(statuses.at(-1)).toBe(429);
});

test("a scripted search flood is cut off with 429 and Retry-After, after a generous start", async ({ request }) => {
  let answered = 0;
  let refused: APIResponse | undefined;
  for (let i = 0; i < 300; i++) {
    const response = await request.get(`${app.url}/api/search?q=learning+${i}`, { headers: { "x-forwarded-for": `192.0.2.${i % 250}` } });
    if (response.status() === 429) {
      refused = response;
      break;
    }
    expect(response.status()).toBe(200);
    answered++;
  }
  if (!refused) throw new Error(`all ${answered} searches answered`);
  expect(answered).toBeGreaterThanOrEqual(30);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
  expect((await refused.json()).error.code).toBe("rate_limited");
  // The bucket earns one search back every 5 s: of three quick page loads at least one is refused.
  const pages = [];
  for (let i = 0; i < 3; i++) pages.push(await request.get(`${app.url}/search?q=learning+page+${i}`));
  const limitedPage = pages.find((page) => page.status() === 429);
  expect(limitedPage, `page statuses ${pages.map((page) => page.status())}`).toBeDefined();
  expect(limitedPage!.headers()["retry-after"]).toBeDefined();
  expect(await limitedPage!.text()).toContain("That was a lot of searches");
});

test("server actions refused for a foreign or null Origin answer 403 and are not logged as errors", async ({ request }) => {
  for (const origin of ["https://evil.example", "null"]) {
    const response = await request.post(`${app.url}/papers/2502.03387`, {
      headers: { origin, "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" },
      data: "[]",
    });
    expect(response.status(), origin).toBe(403);
  }
  expect(app.log()).not.toMatch(/does not match `origin`|Invalid Server Actions request/);
});

test("a vote farm on one machine that drops its cookie between votes", async ({ browser, request }) => {
  const votes = async () => (await (await request.get(`${app.url}/api/papers/2403.15706`)).json()).paper.upvotes as number;
  const before = await votes();
  const context = await browser.newContext();
  const page = await context.newPage();
  const attempts = 8;
  for (let i = 0; i < attempts; i++) {
    await context.clearCookies();
    await page.goto(`${app.url}/papers/2403.15706`);
    await page.getByRole("button", { name: /^Upvote/ }).click();
    // A server action's answer, which can take seconds on a loaded CI machine.
    await expect(page.getByRole("button", { name: /Remove your upvote/ }).or(page.locator("form [role=alert]"))).toBeVisible({
      timeout: 15_000,
    });
  }
  await context.close();
  const counted = (await votes()) - before;
  console.log(`vote farm: ${counted} of ${attempts} votes counted`);
  expect(counted).toBeGreaterThan(0);
  expect(counted).toBeLessThanOrEqual(3);
});

test("a vote posted without a cookie from an earlier page view does not count", async ({ page }) => {
  await page.goto(`${app.url}/papers/2502.03387`);
  const before = Number(
    await page
      .getByRole("button", { name: /^Upvote/ })
      .locator(".tabular-nums")
      .textContent(),
  );
  await page.context().clearCookies();
  await page.getByRole("button", { name: /^Upvote/ }).click();
  await expect(page.locator("form [role=alert]")).toContainText(/reload/i);
  await page.reload();
  await expect(page.getByRole("button", { name: /^Upvote/ }).locator(".tabular-nums")).toHaveText(String(before));
});
