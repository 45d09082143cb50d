import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";

import { uniqueEmail } from "./confirmed-subscription";
import { signIn } from "./sign-in";

// Anonymous views come from the page cache (lib/page-cache); whatever is personal never does.

const PAPER = "/papers/2502.03387";
const scriptPolicy = (response: APIResponse) => /script-src [^;]*/.exec(response.headers()["content-security-policy"] ?? "")?.[0] ?? "";
const upvotesIn = (html: string) => Number(/aria-label="(?:Upvote|Remove your upvote) \((\d+) upvotes?\)"/.exec(html)?.[1]);

/** A visitor with no cookies yet, as everyone arriving from a shared link. */
async function newVisitor(playwright: { request: { newContext(options: object): Promise<APIRequestContext> } }) {
  return playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
}

test("an anonymous view is rendered once and served to everyone, its scripts allowed by hash", async ({ playwright }) => {
  const visitor = await newVisitor(playwright);
  const first = await visitor.get(PAPER);
  expect(first.status()).toBe(200);
  expect(first.headers()["x-page-cache"]).toMatch(/^(miss|hit|stale)$/);
  // The first view hands out the voter cookie, so no shared cache may keep that response.
  expect(first.headers()["set-cookie"]).toContain("pp_voter=");
  expect(first.headers()["cache-control"]).toBe("private, no-cache");
  expect(scriptPolicy(first)).toMatch(/^script-src 'self'( 'sha256-[A-Za-z0-9+/]{43}=')+$/);
  expect(scriptPolicy(first)).not.toMatch(/'unsafe-inline'|'nonce-|'unsafe-eval'/);
  expect(first.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(first.headers()["x-content-type-options"]).toBe("nosniff");
  expect(first.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);

  const again = await visitor.get(PAPER);
  expect(again.headers()["x-page-cache"]).toBe("hit");
  expect(again.headers()["set-cookie"]).toBeUndefined();
  expect(again.headers()["cache-control"]).toMatch(/^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/);
  expect(again.headers()["vary"]).toMatch(/Cookie/i);
  expect(await again.text()).toBe(await first.text());
  const unchanged = await visitor.get(PAPER, { headers: { "If-None-Match": again.headers()["etag"]! } });
  expect(unchanged.status()).toBe(304);

  const feed = await (await newVisitor(playwright)).get("/?period=all");
  expect(feed.headers()["x-page-cache"]).toMatch(/^(miss|hit|stale)$/);
  expect(feed.headers()["cache-control"]).toMatch(/^public, /);
});

test("the cached page runs under its policy in a browser, and a vote shows to a new visitor within seconds", async ({
  browser,
  playwright,
}) => {
  const html = async () => (await (await newVisitor(playwright)).get(PAPER)).text();
  const before = upvotesIn(await html());
  expect(before).toBeGreaterThanOrEqual(0);

  const context = await browser.newContext();
  const page = await context.newPage();
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/.test(message.text())) violations.push(message.text());
  });
  const view = await page.goto(PAPER);
  expect(view?.headers()["x-page-cache"]).toMatch(/^(hit|stale|miss)$/);
  await page.getByRole("button", { name: /^Upvote/ }).click();
  await expect(page.getByRole("button", { name: /Remove your upvote/ })).toBeVisible();
  expect(violations).toEqual([]);

  // Everyone else: the cached copy follows the count (checked every second, then rendered again).
  await expect.poll(async () => upvotesIn(await html()), { timeout: 10_000 }).toBe(before + 1);

  // The voter: their pages show their own vote, so they are rendered for them, not cached.
  const own = await page.reload();
  expect(own?.headers()["x-page-cache"]).toBeUndefined();
  await page.getByRole("button", { name: /Remove your upvote/ }).click();
  await expect(page.getByRole("button", { name: /^Upvote/ })).toBeVisible();
  await context.close();
  await expect.poll(async () => upvotesIn(await html()), { timeout: 10_000 }).toBe(before);
});

test("a signed-in reader's pages are private and rendered for them; the cached copy holds nothing of theirs", async ({
  page,
  playwright,
}) => {
  test.setTimeout(90_000);
  const email = uniqueEmail("cached");
  await signIn(page, email);
  const own = await page.goto(PAPER);
  expect(own?.headers()["x-page-cache"]).toBeUndefined();
  expect(own?.headers()["cache-control"]).toMatch(/private/);
  expect(own?.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
  const title = (await page.getByRole("heading", { level: 1 }).textContent())!.trim();
  await page.getByRole("button", { name: `Save: ${title}`, exact: true }).click();
  await expect(page.getByRole("button", { name: `Saved: ${title}`, exact: true })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Account" })).toBeVisible();
  for (const path of [PAPER, "/?period=all"]) {
    const signedIn = await page.request.get(path);
    expect(signedIn.headers()["x-page-cache"]).toBeUndefined();
    expect(signedIn.headers()["cache-control"]).toMatch(/private/);
  }

  const anonymous = await (await newVisitor(playwright)).get(PAPER);
  expect(anonymous.headers()["x-page-cache"]).toMatch(/^(miss|hit|stale)$/);
  const copy = await anonymous.text();
  expect(copy).toContain(`href="/sign-in"`);
  expect(copy).not.toContain(`href="/account"`);
  expect(copy).not.toContain(`Saved: `);
  expect(copy).not.toContain(email);

  await page.getByRole("button", { name: `Saved: ${title}`, exact: true }).click();
  await expect(page.getByRole("button", { name: `Save: ${title}`, exact: true })).toBeVisible();
});
