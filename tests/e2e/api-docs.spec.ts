import { expect, test } from "@playwright/test";

import { expectNoAxeViolations } from "./axe";

test("/api/openapi.json describes the API as OpenAPI 3.1 for this server", async ({ request, baseURL }) => {
  const response = await request.get("/api/openapi.json");
  expect(response.status()).toBe(200);
  const document = await response.json();
  expect(document.openapi).toBe("3.1.0");
  expect(document.servers).toEqual([{ url: baseURL }]);
  expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(["/api/papers", "/api/search", "/api/subscriptions"]));
  expect(document.paths["/api/search"].get.parameters.map((parameter: { name: string }) => parameter.name)).toContain("q");
});

test("/api lists every endpoint with its parameters, accessibly in light and dark mode", async ({ page }) => {
  // The time of the two tests, one per scheme, that this one replaces.
  test.setTimeout(60_000);
  await page.goto("/api");
  await expect(page).toHaveTitle("API · PaperPulse");
  await expect(page.getByRole("heading", { level: 1, name: "JSON API" })).toBeVisible();
  const feed = page.getByRole("article", { name: "GET /api/papers The trending feed" });
  await expect(feed).toBeVisible();
  await expect(feed.getByText("limit", { exact: true })).toBeVisible();
  await expect(feed).toContainText("integer, 1 to 100, default 20");
  await expect(page.getByRole("article", { name: /^POST \/api\/subscriptions / })).toContainText("(JSON body, required)");
  await expect(page.getByRole("link", { name: "/api/openapi.json" })).toHaveAttribute("href", "/api/openapi.json");
  await expectNoAxeViolations(page);
});
