import { expect, test, type Page } from "@playwright/test";

import { uniqueEmail } from "./confirmed-subscription";
import { signIn } from "./sign-in";

test.describe.configure({ timeout: 180_000 });

/** Opens a page as a browser does, and says whether it came from the reader's copy (lib/readers/reader-page-copies.ts). */
async function open(page: Page, path: string): Promise<string | undefined> {
  // A write's cookie sends the next 30 seconds of views to a render (read-your-writes): as after them.
  await page.context().clearCookies({ name: "pp_recent_write" });
  const response = await page.goto(path);
  expect(response!.status()).toBe(200);
  return response!.headers()["x-reader-copy"];
}

const titles = async (page: Page) => (await page.getByRole("article").getByRole("heading").allTextContents()).map((title) => title.trim());

test("a reader's library and For you come from their copy until a save, a tag or a rating changes them", async ({ page, browser }) => {
  // A copy is rendered without a nonce and allows its scripts by their hashes: none may be refused.
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/.test(message.text())) violations.push(message.text());
  });
  await signIn(page, uniqueEmail("copies"));
  await page.goto("/search?q=theorem+proving");
  for (const name of ["LeanAgent", "DeepSeek-Prover"]) {
    // The button shows the save at once: wait for the server's answer, or leaving the page may cancel it.
    const saved = page.waitForResponse((response) => response.request().method() === "POST");
    await page.getByRole("button", { name: new RegExp(`^Save: ${name}`) }).click();
    await saved;
  }

  expect(await open(page, "/library")).toBe("miss");
  await expect(page.getByText("2 papers saved")).toBeVisible();
  const copy = await page.goto("/library");
  expect(copy!.headers()["x-reader-copy"]).toBe("hit");
  expect(copy!.headers()["content-security-policy"]).toMatch(/script-src 'self' 'sha256-/);
  expect(await copy!.text()).not.toContain("nonce=");
  const tags = page.getByLabel(/^Tags for LeanAgent/);
  await tags.fill("thesis");
  await tags.press("Enter");
  await expect(page.getByRole("status")).toContainText("Tags saved.");
  expect(await open(page, "/library")).toBe("miss");
  await expect(page.getByLabel(/^Tags for LeanAgent/)).toHaveValue("thesis");
  expect(await open(page, "/library")).toBe("hit");

  expect(await open(page, "/for-you?period=all")).toBe("miss");
  expect(await open(page, "/for-you?period=all")).toBe("hit");
  const [first] = await titles(page);
  await page
    .getByRole("article")
    .first()
    .getByRole("button", { name: /^Not for me:/ })
    .click();
  await expect(page.getByText("2 liked papers, 1 not for you")).toBeVisible();
  expect(await open(page, "/for-you?period=all")).toBe("miss");
  expect(await titles(page)).not.toContain(first);
  expect(violations).toEqual([]);

  // Another browser signed in as someone else never gets this reader's copy.
  const other = await browser.newContext();
  const stranger = await other.newPage();
  await signIn(stranger, uniqueEmail("copies-other"));
  expect(await open(stranger, "/library")).toBe("miss");
  await expect(stranger.getByText("0 papers saved")).toBeVisible();
  await other.close();
});
