import { expect, test } from "@playwright/test";

import { confirmedSubscription } from "./confirmed-subscription";
import { overflowing } from "./overflow";

const paths = [
  "/",
  "/?period=all",
  "/?period=month&date=2025-02",
  "/papers/2411.15124",
  "/papers/2502.03387",
  "/papers/2408.11029",
  "/search",
  "/search?q=reasoning",
  "/search?q=author%3Akirsch",
  "/subscribe",
  "/submit",
  "/authors/Louis%20Kirsch",
  "/authors/J%C3%BCrgen%20Schmidhuber",
  "/categories/cs.CL",
  "/for-you",
];

for (const width of [320, 390]) {
  test.describe(`${width} px wide`, () => {
    test.use({ viewport: { width, height: 800 } });

    test("no page is wider than the screen", async ({ page }) => {
      test.setTimeout(90_000);
      const manage = await confirmedSubscription(page, { topics: "diffusion" });
      for (const path of [...paths, manage]) {
        await page.goto(path);
        const result = await overflowing(page);
        expect({ path, ...result }).toEqual({ path, scrollWidth: result.viewport, viewport: result.viewport, culprits: [] });
      }
    });

    test("the search box is on screen and one tap searches", async ({ page }) => {
      await page.goto("/papers/2411.15124");
      const box = page.getByRole("combobox", { name: "Search papers" });
      await expect(box).toBeInViewport({ ratio: 1 });
      await box.click();
      await expect(box).toBeFocused();
      await page.keyboard.type("reasoning");
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(/\/search\?q=reasoning$/);
    });
  });
}
