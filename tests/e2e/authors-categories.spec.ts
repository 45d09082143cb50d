import { expect, test } from "@playwright/test";

import { expectNoAxeViolations } from "./axe";
import { confirmedSubscription, uniqueEmail } from "./confirmed-subscription";
import { signIn } from "./sign-in";

test("an author's name leads to their papers, sortable, and Follow starts a digest for them", async ({ page }) => {
  await page.goto("/papers/2212.04458");
  await page.getByRole("list", { name: "Authors" }).getByRole("link", { name: "Louis Kirsch" }).click();
  await expect(page).toHaveURL(/\/authors\/Louis%20Kirsch$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Louis Kirsch");
  await expect(page.getByText("3 papers on PaperPulse")).toBeVisible();
  await expect(page.getByRole("article")).toHaveCount(3);
  const newest = await page.getByRole("article").locator("time").allTextContents();
  expect(newest[0]).toBe("Feb 2024");

  await page.getByRole("navigation", { name: "Sort papers" }).getByRole("link", { name: "Most upvoted" }).click();
  await expect(page).toHaveURL(/sort=upvotes/);
  await expect(page.getByRole("article")).toHaveCount(3);

  await page.getByRole("link", { name: "Follow Louis Kirsch by email" }).click();
  await expect(page).toHaveURL(/\/subscribe\?author=Louis\+Kirsch$/);
  await expect(page.getByLabel("Authors to follow")).toHaveValue("Louis Kirsch");
  await expect(page.getByRole("complementary", { name: "Preview" }).getByRole("listitem").first()).toContainText("Matches: Louis Kirsch");
});

test("a category chip leads to that category's trending papers, and Follow starts a digest for it", async ({ page }) => {
  await page.goto("/papers/2502.03387");
  await page.getByRole("list", { name: "Categories" }).getByRole("link", { name: "cs.CL" }).click();
  await expect(page).toHaveURL(/\/categories\/cs\.CL$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("cs.CL");
  for (const categories of await page.getByRole("article").getByRole("list", { name: "Categories" }).all()) {
    await expect(categories).toContainText("cs.CL");
  }
  await page.getByRole("link", { name: "Follow cs.CL by email" }).click();
  await expect(page.getByLabel("arXiv categories")).toHaveValue("cs.CL");
});

test("cards link their authors above the card's own link, and a search shows the author it matched", async ({ page }) => {
  await page.goto("/search?q=author%3Aschmidhuber");
  const card = page.getByRole("article").first();
  await expect(card.locator("mark")).toHaveText("Jürgen Schmidhuber");
  await card.getByRole("link", { name: "Louis Kirsch" }).click();
  await expect(page).toHaveURL(/\/authors\/Louis%20Kirsch$/);
});

test("unknown authors and categories are 404s", async ({ page }) => {
  expect((await page.goto("/authors/Nobody%20At%20All"))?.status()).toBe(404);
  expect((await page.goto("/categories/cs.XX"))?.status()).toBe(404);
  expect((await page.goto("/authors/Louis%20Kirsch?sort=oldest"))?.status()).toBe(200);
  await expect(page.getByRole("alert").filter({ hasText: "This link has a parameter we cannot read" })).toContainText(
    "sort must be newest or upvotes",
  );
});

test("category and author pages chart papers per week over the last year, with the counts as text", async ({ page }) => {
  test.setTimeout(120_000);
  // The seed's latest listing week is that of Feb 10, 2025; cs.LG has five papers in the year before.
  await page.goto("/categories/cs.LG");
  const chart = page.getByRole("figure");
  const summary = "5 papers in cs.LG in the 52 weeks from Feb 19, 2024, at most 1 in one week.";
  await expect(chart.getByRole("img", { name: `Papers per week · ${summary}` })).toBeVisible();
  await expect(chart.locator("rect")).toHaveCount(5);
  await chart.getByText("Show as a table").click();
  const rows = chart.getByRole("table", { name: "Papers in cs.LG per week" }).getByRole("row");
  await expect(rows).toHaveCount(53);
  await expect(rows.filter({ hasText: "Mar 11, 2024" })).toHaveText(/Mar 11, 20241$/);
  await expect(rows.filter({ hasText: "Feb 10, 2025" })).toHaveText(/Feb 10, 20250$/);
  await expectNoAxeViolations(page);

  await page.goto("/authors/Louis%20Kirsch");
  await expect(page.getByRole("figure")).toContainText("No papers by Louis Kirsch in the 52 weeks from Feb 19, 2024.");
  await expect(page.getByRole("figure").locator("rect")).toHaveCount(0);
});

test("a signed-in reader with a digest follows an author and a category into it, in place", async ({ page }) => {
  test.setTimeout(120_000);
  const email = uniqueEmail("follower");
  await confirmedSubscription(page, { email, topics: "meta-learning" });
  await signIn(page, email);

  await page.goto("/authors/Louis%20Kirsch");
  await page.getByRole("button", { name: "Follow Louis Kirsch in your digest" }).click();
  await expect(page.getByText("✓ In your digest")).toBeVisible();
  await expect(page).toHaveURL(/\/authors\/Louis%20Kirsch$/);
  await page.goto("/categories/cs.CL");
  await page.getByRole("button", { name: "Follow cs.CL in your digest" }).click();
  await expect(page.getByText("✓ In your digest")).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Digest settings" }).click();
  await expect(page).toHaveURL(/\/subscriptions\/manage/);
  await expect(page.getByLabel("Authors to follow")).toHaveValue("Louis Kirsch");
  await expect(page.getByLabel("arXiv categories")).toHaveValue("cs.CL");
  await expect(page.getByLabel("Topics")).toHaveValue("meta-learning");

  // A reader without a digest follows through the subscribe page, as when signed out.
  await page.context().clearCookies();
  await signIn(page, uniqueEmail("no-digest"));
  await page.goto("/authors/Louis%20Kirsch");
  await page.getByRole("link", { name: "Follow Louis Kirsch by email" }).click();
  await expect(page).toHaveURL(/\/subscribe\?author=Louis\+Kirsch$/);
});
