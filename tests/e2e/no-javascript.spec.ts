import { expect, test } from "@playwright/test";

import { uniqueEmail } from "./confirmed-subscription";

// Feed, search and paper pages render in one response: a streamed page would leave its papers in a hidden
// template that only a script reveals.
test.use({ javaScriptEnabled: false });

test("without JavaScript the feed and search show papers, and their save forms sign in and save", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto("/?period=all");
  await expect(page.getByRole("article").first()).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Loading" })).toHaveCount(0);

  await page.goto("/search?q=reasoning");
  const result = page.getByRole("article").first();
  await expect(result).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Searching" })).toHaveCount(0);

  // Saving while signed out asks to sign in and comes back to the search.
  await result.getByRole("button", { name: /^Save: / }).click();
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fsearch%3Fq%3Dreasoning$/);
  const email = uniqueEmail("no-js");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await page.goto("/dev/outbox");
  await page.getByRole("link").filter({ hasText: "Sign in to PaperPulse" }).filter({ hasText: email }).first().click();
  await page.getByRole("region", { name: "Links" }).getByRole("link", { name: "Sign in", exact: true }).click();
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/search\?q=reasoning&signed-in=1$/);

  await page
    .getByRole("article")
    .first()
    .getByRole("button", { name: /^Save: / })
    .click();
  await expect(
    page
      .getByRole("article")
      .first()
      .getByRole("button", { name: /^Saved: / }),
  ).toHaveAttribute("aria-pressed", "true");
  await page.goto("/?period=all");
  const card = page.getByRole("article").nth(1);
  await card.getByRole("button", { name: /^Save: / }).click();
  await expect(
    page
      .getByRole("article")
      .nth(1)
      .getByRole("button", { name: /^Saved: / }),
  ).toHaveAttribute("aria-pressed", "true");
  await page.goto("/library");
  await expect(page.getByText("2 papers saved")).toBeVisible();
});

test("without JavaScript a paper page shows its similar papers", async ({ page }) => {
  await page.goto("/papers/2009.01325");
  const similar = page.getByRole("region", { name: "Similar papers" });
  await expect(similar.getByRole("link", { name: "Nash Learning from Human Feedback" })).toBeVisible();
});
