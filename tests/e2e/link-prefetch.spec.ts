import { expect, test, type Request } from "@playwright/test";

// Links prefetch on intent, not as they come into view (components/link.tsx): a page of cards
// otherwise sends the server a prefetch per link, each a render of its page.

const isPrefetch = (request: Request) => request.headers()["next-router-prefetch"] !== undefined;

test("a page's links prefetch when a pointer is over them, not as they scroll into view", async ({ page }) => {
  const prefetched: string[] = [];
  page.on("request", (request) => {
    if (isPrefetch(request)) prefetched.push(new URL(request.url()).pathname);
  });
  await page.goto("/?period=all");
  await page.mouse.wheel(0, 4000);
  await page.mouse.wheel(0, -4000);

  const title = page.getByRole("article").first().getByRole("heading").getByRole("link");
  const href = (await title.getAttribute("href"))!;
  const hovered = page.waitForRequest((request) => isPrefetch(request) && new URL(request.url()).pathname === href);
  await title.hover();
  await hovered;
  // By now the links in view would have asked for theirs too: they were mounted before the hover.
  await page.waitForLoadState("networkidle");
  expect(prefetched).toEqual([href]);

  await title.click();
  await expect(page).toHaveURL(href);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});
