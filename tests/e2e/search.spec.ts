import { expect, test } from "@playwright/test";

import { expectNoAxeViolations } from "./axe";

test("typing a query in the header shows highlighted results, which filter, sort and open", async ({ page }) => {
  await page.goto("/");
  const box = page.getByRole("combobox", { name: "Search papers" });
  await box.fill("reasoning");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=reasoning$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("reasoning");
  await expect(box).toHaveValue("reasoning");
  const results = page.getByRole("article");
  await expect(results.first().locator("mark").first()).toHaveText(/reasoning/i);
  const total = await page.getByText(/^\d+ papers?$/).textContent();

  await page.getByLabel("Category").fill("cs.CL");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/category=cs.CL/);
  await expect(results.first()).toBeVisible();
  for (const categories of await page.getByRole("list", { name: "Categories" }).all()) {
    await expect(categories).toContainText("cs.CL");
  }
  await expect(page.getByText(/^\d+ papers?$/)).not.toHaveText(total ?? "");

  await page.getByRole("navigation", { name: "Sort results" }).getByRole("link", { name: "Newest" }).click();
  await expect(page).toHaveURL(/sort=newest/);
  await expect(page).toHaveURL(/category=cs.CL/);

  const title = (await results.first().getByRole("heading").textContent()) ?? "";
  await results.first().getByRole("heading").getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByRole("heading", { name: "Similar papers" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Similar papers" }).getByRole("link").first()).toBeVisible();
});

test("/ focuses the search box from anywhere and a suggestion can be chosen with the keyboard", async ({ page }) => {
  await page.goto("/papers/2403.15706");
  const box = page.getByRole("combobox", { name: "Search papers" });
  // Until the page has hydrated nothing listens for the key; a reader would press it again.
  await expect(async () => {
    await page.keyboard.press("/");
    await expect(box).toBeFocused({ timeout: 500 });
  }).toPass();
  await page.keyboard.type("kirs");
  const option = page.getByRole("option", { name: /Louis Kirsch/ });
  await expect(option).toBeVisible();
  await expect(box).toHaveAttribute("aria-expanded", "true");
  while ((await option.getAttribute("aria-selected")) !== "true") await box.press("ArrowDown");
  await expect(box).toHaveAttribute("aria-activedescendant", (await option.getAttribute("id")) ?? "");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=author%3A%22Louis(\+|%20)Kirsch%22/);
  await expect(page.getByRole("article")).toHaveCount(3);
});

test("a paper suggestion opens the paper", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("combobox", { name: "Search papers" }).fill("in-context lea");
  await page.getByRole("option").filter({ hasText: "Bayesian Prism" }).click();
  await expect(page).toHaveURL(/\/papers\/2306\.04891$/);
});

test("an empty search shows example queries that work", async ({ page }) => {
  await page.goto("/search");
  await expect(page.getByRole("heading", { name: "Search papers" })).toBeVisible();
  await page.getByRole("link", { name: '"in-context learning"' }).click();
  await expect(page.getByRole("article").first()).toBeVisible();
  await expect(page.getByRole("article").first().locator("mark").first()).toBeVisible();
});

test("a misspelt query shows the corrected results, and the query as typed on request", async ({ page }) => {
  await page.goto("/search?q=tranformers");
  await expect(page.getByText("Showing results for")).toContainText("transformers");
  await expect(page.getByRole("article").first()).toBeVisible();
  await page.getByRole("link", { name: "Search instead for tranformers" }).click();
  await expect(page).toHaveURL(/literal=1/);
  await expect(page.getByRole("heading", { name: /No papers match/ })).toBeVisible();
  await page.getByText("Did you mean").getByRole("link", { name: "transformers" }).click();
  await expect(page).toHaveURL(/q=transformers/);
  await expect(page.getByRole("article").first()).toBeVisible();
});

test("a query few papers match fully continues with partial matches, each saying what it misses", async ({ page }) => {
  // Two axe runs take most of the default 30 s on a busy machine.
  test.setTimeout(90_000);
  await page.goto(`/search?q=${encodeURIComponent("LLM math reasoning reinforcement learning reward")}`);
  await expect(page.getByText("Also searching for:")).toContainText("large language model");
  const partial = page.getByRole("region", { name: "Papers matching some of your words" });
  await expect(partial).toBeVisible();
  await expect(partial.getByRole("article").first()).toContainText("Missing:");
  await expectNoAxeViolations(page);
});

test("Enter on the start of a name searches for words starting with it", async ({ page }) => {
  await page.goto("/search?q=kirs");
  await expect(page.getByText("so these have words starting with it")).toBeVisible();
  await expect(page.getByRole("article").filter({ hasText: "Kirsch" }).first()).toBeVisible();
});

test("markup typed into the search stays text", async ({ page }) => {
  page.on("dialog", () => {
    throw new Error("a script from the query ran");
  });
  await page.goto(`/search?q=${encodeURIComponent('<img src=x onerror="alert(1)"> "unclosed')}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText('<img src=x onerror="alert(1)">');
  await expect(page.locator("main img")).toHaveCount(0);
});

test("a bad filter explains itself instead of failing", async ({ page }) => {
  const response = await page.goto("/search?q=x&from=2025-02-30");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("from must be a day as YYYY-MM-DD");
});
