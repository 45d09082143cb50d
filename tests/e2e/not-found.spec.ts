import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} mode`, () => {
    test.use({ colorScheme });

    test("an unmatched URL gets the site's own 404 page, accessible", async ({ page }) => {
      const response = await page.goto("/no/such/page");
      expect(response?.status()).toBe(404);
      await expect(page).toHaveTitle("Not found · PaperPulse");
      await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
      await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
      await expect(page.getByRole("link", { name: "Back to trending papers" })).toHaveAttribute("href", "/");
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
      expect(results.violations.map((violation) => violation.id)).toEqual([]);
    });
  });
}

test("an unknown /api/ path answers a JSON 404 in the API's error shape, whatever the method", async ({ request }) => {
  for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
    const response = await request.fetch("/api/no-such-endpoint/x", { method, data: method === "GET" ? undefined : {} });
    expect(response.status(), method).toBe(404);
    expect(response.headers()["content-type"]).toContain("application/json");
    expect(await response.json()).toEqual({
      error: { code: "not_found", message: "No API endpoint at /api/no-such-endpoint/x. The endpoints are listed at /api." },
    });
  }
  const head = await request.head("/api/nothing");
  expect(head.status()).toBe(404);
  // Known endpoints are untouched by the catch-all.
  expect((await request.get("/api/papers?period=all&limit=1")).status()).toBe(200);
  expect((await request.get("/api/papers/2403.99999")).status()).toBe(404);
});
