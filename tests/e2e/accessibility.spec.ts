import { expect, test } from "@playwright/test";

import { expectNoAxeViolations } from "./axe";

// Every public page, in both colour schemes. Pages reached by emailed links, and the signed-in
// reader's library, import and account pages, are checked in the specs that create their tokens.
const pages = [
  "/",
  "/?period=all",
  "/?period=week&date=2025-02-10",
  "/?period=month&date=2025-02&limit=3",
  "/papers/2502.03387",
  "/papers/2411.04308",
  "/papers/2408.11029",
  "/search",
  "/search?q=reasoning",
  "/search?q=zzqxv",
  "/search?q=author%3Aschmidhuber",
  "/authors/Louis%20Kirsch",
  "/authors/Louis%20Kirsch?sort=upvotes",
  "/categories/cs.CL",
  "/categories/q-fin.TR",
  "/papers/2403.99999",
  "/subscribe",
  "/submit",
  "/sign-in",
  "/dev/outbox",
];

// Each test only reads: they spread over the workers like spec files do.
test.describe.configure({ mode: "parallel" });

// One load per page, axe in light mode and then in dark: the colours follow prefers-color-scheme
// (globals.css), which emulateMedia switches on the loaded page.
for (const path of pages) {
  test(`axe finds no violations on ${path}, light and dark`, async ({ page }) => {
    // The time of the two tests, one per scheme, that this one replaces.
    test.setTimeout(60_000);
    await page.goto(path);
    await expectNoAxeViolations(page, { frames: true });
  });
}

test("the feed works by keyboard: skip link, tabs and a paper, with visible focus", async ({ page }) => {
  await page.goto("/?period=all");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
  const firstPaper = page.getByRole("article").first().getByRole("link").first();
  await firstPaper.focus();
  const outline = await firstPaper.evaluate((element) => getComputedStyle(element).outlineStyle);
  expect(outline).not.toBe("none");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/papers\//);
});
