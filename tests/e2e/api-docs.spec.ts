import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

import { colourTransitionsDone } from "./axe";

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
  // One load, both schemes: the colours follow prefers-color-scheme, which emulateMedia switches.
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await colourTransitionsDone(page);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
    expect
      .soft(
        results.violations.map(
          (violation) => `${colorScheme} ${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
        ),
      )
      .toEqual([]);
  }
});
