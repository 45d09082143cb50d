import { expect, test } from "@playwright/test";

test("an empty day offers the nearest day with papers, and that day lists them", async ({ page }) => {
  await page.goto("/?date=2026-01-01");
  await expect(page.getByRole("heading", { name: "No papers were listed in Jan 1, 2026." })).toBeVisible();
  await expect(page.getByText("The nearest day with papers is Feb 10, 2025.")).toBeVisible();
  await page.getByRole("link", { name: "Show it" }).click();
  await expect(page).toHaveURL(/date=2025-02-10/);
  await expect(page.getByRole("article")).not.toHaveCount(0);
});

test("switching period to all time lists papers and pages through them", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Period" }).getByRole("link", { name: "All time" }).click();
  await expect(page).toHaveURL(/period=all/);
  await expect(page.getByRole("article")).toHaveCount(20);
  const firstTitle = await page.getByRole("article").first().getByRole("heading").textContent();
  await page.getByRole("link", { name: "More papers" }).click();
  await expect(page.getByRole("article")).toHaveCount(20);
  await expect(page.getByRole("article").first().getByRole("heading")).not.toHaveText(firstTitle ?? "");
});

test("a paper page shows the abstract and links, and an upvote counts once", async ({ page }) => {
  await page.goto("/papers/2403.15706");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("G-ACIL");
  await expect(page.getByRole("link", { name: "PDF" })).toHaveAttribute("href", "https://arxiv.org/pdf/2403.15706");
  const upvote = page.getByRole("button", { name: /^Upvote/ });
  await expect(upvote).toContainText("0");
  await upvote.dblclick();
  const upvoted = page.getByRole("button", { name: /Remove your upvote/ });
  await expect(upvoted).toContainText("1");
  await page.reload();
  await expect(page.getByRole("button", { name: /Remove your upvote/ })).toContainText("1");
  await page.getByRole("button", { name: /Remove your upvote/ }).click();
  await expect(page.getByRole("button", { name: /^Upvote/ })).toContainText("0");
});

test("dark mode follows the system setting", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/?period=all");
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.emulateMedia({ colorScheme: "light" });
  const lightBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).not.toBe(lightBackground);
});

test("an unknown paper shows a friendly not-found page", async ({ page }) => {
  const response = await page.goto("/papers/2403.99999");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "PaperPulse does not have 2403.99999 yet" })).toBeVisible();
});

test("a versioned id redirects to the paper's page", async ({ page }) => {
  await page.goto("/papers/2403.15706v2");
  await expect(page).toHaveURL(/\/papers\/2403\.15706$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("G-ACIL");
});

test("a path with broken percent-encoding is a 400, not a server error", async ({ request }) => {
  expect((await request.get("/papers/%ZZ")).status()).toBe(400);
  const api = await request.get("/api/papers/%ZZ");
  expect(api.status()).toBe(400);
  expect((await api.json()).error.code).toBe("bad_request");
});
