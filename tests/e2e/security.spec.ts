import { expect, test } from "@playwright/test";

// Anonymous views served from the page cache carry a policy of script hashes instead (page-cache.spec.ts).
test("pages rendered per request carry a per-request nonce CSP and the usual security headers", async ({ request }) => {
  const first = await request.get("/subscribe");
  const second = await request.get("/subscribe");
  const policy = first.headers()["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(second.headers()["content-security-policy"]).not.toBe(policy);
  expect(first.headers()).toMatchObject({
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-frame-options": "DENY",
  });
  expect(first.headers()["permissions-policy"]).toContain("camera=()");
  expect(first.headers()["strict-transport-security"]).toContain("max-age=");
  expect(first.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  expect(first.headers()["x-powered-by"]).toBeUndefined();
});

test("the app's own scripts run under the policy, with no violations", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/.test(message.text())) violations.push(message.text());
  });
  await page.goto("/papers/2502.03387");
  // A hydrated page answers the upvote without a full page load.
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
  await page.getByRole("button", { name: /^Upvote/ }).click();
  await expect(page.getByRole("button", { name: /Remove your upvote/ })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
  await page.getByRole("button", { name: /Remove your upvote/ }).click();
  await expect(page.getByRole("button", { name: /^Upvote/ })).toBeVisible();
  await page.goto("/?period=all");
  expect(violations).toEqual([]);
});
