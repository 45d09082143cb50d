import { expect, test, type Page } from "@playwright/test";

import { expectNoAxeViolations } from "./axe";
import { uniqueEmail } from "./confirmed-subscription";
import { overflowing } from "./overflow";
import { signIn } from "./sign-in";

// Signing in through the outbox and two axe passes per page take a while on a loaded machine.
test.describe.configure({ timeout: 300_000 });

const THEOREM_PROVERS = ["LeanAgent", "DeepSeek-Prover", "Alchemy"];
/** What a theorem-proving reader should see first: theorem proving and mathematics. */
const FORMAL_MATH = /theorem|proof|prov|math|lean|formal/i;

async function expectFitsPhone(page: Page) {
  await page.setViewportSize({ width: 320, height: 800 });
  const result = await overflowing(page);
  expect(result).toEqual({ scrollWidth: result.viewport, viewport: result.viewport, culprits: [] });
  await page.setViewportSize({ width: 1280, height: 800 });
}

const titles = async (page: Page) => (await page.getByRole("article").getByRole("heading").allTextContents()).map((title) => title.trim());

test("signed out, For you explains itself and leads to sign in", async ({ page }) => {
  await page.goto("/for-you");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("For you");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "For you" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Sign in to see papers for you" })).toHaveAttribute("href", "/sign-in?next=/for-you");
  await expectNoAxeViolations(page);
  await expectFitsPhone(page);
});

test("a new reader picks from trending papers to start, and the first save brings recommendations", async ({ page, browser }) => {
  await signIn(page, uniqueEmail("cold"));
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "For you" }).click();
  await expect(page.getByRole("heading", { name: "Tell PaperPulse what you like" })).toBeVisible();
  await expect(page.getByRole("link", { name: /import a \.bib/ })).toHaveAttribute("href", "/library/import");
  const trending = page.getByRole("region", { name: /^Trending/ }).getByRole("article");
  await expect(trending.first()).toBeVisible();
  await expectNoAxeViolations(page);
  await expectFitsPhone(page);

  await trending
    .first()
    .getByRole("button", { name: /^Save:/ })
    .click();
  await expect(page.getByRole("heading", { name: "Tell PaperPulse what you like" })).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Period" })).toBeVisible();
  await expect(page.getByText("1 liked paper")).toBeVisible();

  // Without JavaScript the same forms work: the post answers with the page ranked again.
  const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const plain = await noScript.newPage();
  await plain.goto("/for-you?period=all");
  const firstTitle = (await titles(plain))[0]!;
  await plain
    .getByRole("article")
    .first()
    .getByRole("button", { name: /^Not for me:/ })
    .click();
  await expect(plain.getByText("1 liked paper, 1 not for you")).toBeVisible();
  expect(await titles(plain)).not.toContain(firstTitle);
  // A forged form changes nothing and says why.
  const forged = plain.getByRole("article").first();
  await forged.locator('input[name="arxivId"]').evaluate((input) => ((input as HTMLInputElement).value = "not-a-paper"));
  await forged.getByRole("button", { name: /^Save:/ }).click();
  await expect(plain).toHaveURL(/\/for-you\?period=all&notice=unreadable$/);
  await expect(plain.getByRole("status")).toHaveText("Nothing changed: the form could not be read; try again.");
  await expect(plain.getByText("1 liked paper, 1 not for you")).toBeVisible();
  await plain.goto("/for-you/taste");
  await plain.getByRole("button", { name: `Forget: ${firstTitle}` }).click();
  await expect(plain.getByRole("status")).toContainText("Forgotten");
  await expect(plain.getByRole("heading", { name: "Less like these (0 papers)" })).toBeVisible();
  await noScript.close();
});

test("a theorem-proving reader gets theorem proving first, with reasons, and a Not for me changes the list at once", async ({ page }) => {
  await signIn(page, uniqueEmail("prover"));
  await page.goto("/for-you");
  await page.getByLabel("Or search for papers you know").fill("theorem proving");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/\/search\?q=theorem\+proving/);
  for (const name of THEOREM_PROVERS) {
    // The button shows the save at once: wait for the server's answer, or leaving the page may cancel it.
    const saved = page.waitForResponse((response) => response.request().method() === "POST");
    await page.getByRole("button", { name: new RegExp(`^Save: ${name}`) }).click();
    await expect(page.getByRole("button", { name: new RegExp(`^Saved: ${name}`) })).toHaveAttribute("aria-pressed", "true");
    await saved;
  }

  // The seed is older than this week: with nothing listed yet this week, the latest week with papers is ranked, and says so.
  await page.goto("/for-you");
  await expect(page.getByRole("status")).toContainText(
    /^No papers yet this week\. Showing Week \d+ of \d{4}, the latest week with papers\.$/,
  );
  await expect(page.getByText(/^Week \d+ of \d{4}, ranked by what you saved and rated\./)).toBeVisible();
  await page.getByRole("navigation", { name: "Period" }).getByRole("link", { name: "All time", exact: true }).click();
  await expect(page).toHaveURL(/\/for-you\?period=all$/);
  await expect(page.getByRole("link", { name: "All time", exact: true })).toHaveAttribute("aria-current", "page");
  // Eight cards are enough to check the order and keep the axe passes short.
  await page.goto("/for-you?period=all&limit=8");

  const before = await titles(page);
  expect(
    before.slice(0, 3).every((title) => FORMAL_MATH.test(title)),
    before.slice(0, 3).join(" | "),
  ).toBe(true);
  const first = page.getByRole("article").first();
  await expect(first.getByText(/^Because you saved/)).toBeVisible();
  const reasonLinks = await first
    .getByText(/^Because you saved/)
    .getByRole("link")
    .allTextContents();
  expect(reasonLinks.length).toBeGreaterThan(0);
  expect(reasonLinks.every((name) => THEOREM_PROVERS.includes(name))).toBe(true);
  await expect(first.getByText(/ · /)).toBeVisible();
  await expectNoAxeViolations(page);
  await expectFitsPhone(page);

  // "Not for me" takes the paper out and the list is ranked again without it.
  await first.getByRole("button", { name: /^Not for me:/ }).click();
  await expect(page.getByRole("article").filter({ has: page.getByRole("heading", { name: before[0], exact: true }) })).toHaveCount(0);
  await expect(page.getByText("3 liked papers, 1 not for you")).toBeVisible();
  expect((await titles(page))[0]).not.toBe(before[0]);

  // The taste editor: flip the dislike, then forget it.
  await page.getByRole("link", { name: "What this learns from" }).click();
  await expect(page.getByRole("heading", { name: "More like these (3 papers)" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Less like these (1 paper)" })).toBeVisible();
  await expectNoAxeViolations(page);
  await expectFitsPhone(page);
  await page.getByRole("button", { name: `More like this: ${before[0]}` }).click();
  await expect(page.getByRole("status")).toHaveText("Moved to “More like this”.");
  await expect(page.getByRole("heading", { name: "More like these (4 papers)" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Less like these (0 papers)" })).toBeVisible();
  await page.getByRole("button", { name: `Forget: ${before[0]}` }).click();
  await expect(page.getByRole("status")).toContainText("Forgotten");
  await expect(page.getByRole("heading", { name: "More like these (3 papers)" })).toBeVisible();
  await page.getByRole("link", { name: "← For you" }).click();
  await expect(page.getByText("3 liked papers, 0 not for you")).toBeVisible();
});
