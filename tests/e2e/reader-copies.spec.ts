import { expect, test, type Page } from "@playwright/test";

import { expectNoAxeViolations } from "./axe";
import { uniqueEmail } from "./confirmed-subscription";
import { signIn } from "./sign-in";

test.describe.configure({ timeout: 180_000 });

/**
 * Opens a page as a browser does, and says how it was served (lib/readers/reader-page-copies.ts):
 * the reader's copy, kept or made now ("hit", "miss"), in the shell every reader gets when the
 * browser runs scripts ("shell hit", "shell miss"), or rendered.
 */
async function open(page: Page, path: string): Promise<string> {
  // A write's cookie sends the next 30 seconds of views to a render (read-your-writes): as after them.
  await page.context().clearCookies({ name: "pp_recent_write" });
  const response = await page.goto(path);
  expect(response!.status()).toBe(200);
  const headers = response!.headers();
  const copy = headers["x-reader-copy"] ?? "render";
  return headers["x-personal-shell"] ? `shell ${copy}` : copy;
}

const titles = async (page: Page) => (await page.getByRole("article").getByRole("heading").allTextContents()).map((title) => title.trim());

/**
 * Collects the page's refused scripts (a shell and a copy are rendered without a nonce and allow
 * theirs by hash) and hydration errors (the shell's data block is not React's).
 */
function pageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to|[Hh]ydrat/.test(message.text())) problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  return problems;
}

async function saveTwoProvers(page: Page) {
  await page.goto("/search?q=theorem+proving");
  for (const name of ["LeanAgent", "DeepSeek-Prover"]) {
    // The button shows the save at once: wait for the server's answer, or leaving the page may cancel it.
    const saved = page.waitForResponse((response) => response.request().method() === "POST");
    await page.getByRole("button", { name: new RegExp(`^Save: ${name}`) }).click();
    await saved;
  }
}

test("a browser with scripts gets one shell for every reader and draws each reader's own library and For you", async ({
  page,
  browser,
}) => {
  const problems = pageProblems(page);
  await signIn(page, uniqueEmail("shells"));
  await saveTwoProvers(page);

  expect(await open(page, "/library")).toBe("shell miss");
  await expect(page.getByText("2 papers saved")).toBeVisible();
  const shell = await page.goto("/library");
  expect(shell!.headers()["x-reader-copy"]).toBe("hit");
  expect(shell!.headers()["content-security-policy"]).toMatch(/script-src 'self' 'sha256-/);
  expect(shell!.headers()["cache-control"]).toBe("private, no-store");
  // The page holds nothing of the reader's but their data, which no browser runs.
  const [shellHtml, data] = (await shell!.text()).split('<script type="application/json" id="personal-view">');
  expect(shellHtml).not.toContain("nonce=");
  expect(shellHtml).not.toContain("LeanAgent");
  expect(data).toContain("LeanAgent");
  await expect(page.getByRole("article")).toHaveCount(2);
  await expectNoAxeViolations(page);

  // A change is posted as before and the page comes back rendered with it; opened again, the shell shows it too.
  const tags = page.getByLabel(/^Tags for LeanAgent/);
  await tags.fill("thesis");
  await tags.press("Enter");
  await expect(page.getByRole("status")).toContainText("Tags saved.");
  expect(await open(page, "/library?tag=thesis")).toBe("shell miss");
  await expect(page.getByRole("article")).toHaveCount(1);
  await expect(page.getByLabel(/^Tags for LeanAgent/)).toHaveValue("thesis");
  expect(await open(page, "/library?sort=popular")).toBe("shell miss");
  await expect(page.getByRole("alert").filter({ hasText: "sort must be saved, published or title" })).toBeVisible();

  expect(await open(page, "/for-you?period=all")).toBe("shell miss");
  expect(await open(page, "/for-you?period=all")).toBe("shell hit");
  await expect(page.getByText("2 liked papers, 0 not for you")).toBeVisible();
  await expectNoAxeViolations(page);
  const [first] = await titles(page);
  await page
    .getByRole("article")
    .first()
    .getByRole("button", { name: /^Not for me:/ })
    .click();
  await expect(page.getByText("2 liked papers, 1 not for you")).toBeVisible();
  expect(await open(page, "/for-you?period=all")).toBe("shell miss");
  await expect(page.getByText("2 liked papers, 1 not for you")).toBeVisible();
  expect(await titles(page)).not.toContain(first);
  expect(problems).toEqual([]);

  // Another reader gets the same shell, and their own library in it.
  const other = await browser.newContext();
  const stranger = await other.newPage();
  await signIn(stranger, uniqueEmail("shells-other"));
  await other.clearCookies({ name: "pp_recent_write" });
  const theirs = await stranger.goto("/library");
  expect(theirs!.headers()["x-personal-shell"]).toBe("1");
  expect(theirs!.headers()["x-reader-copy"]).toBe("miss");
  expect((await theirs!.text()).split('<script type="application/json" id="personal-view">')[0]).toBe(shellHtml);
  await expect(stranger.getByText("0 papers saved")).toBeVisible();
  await expect(stranger.getByRole("heading", { name: "Your library is empty" })).toBeVisible();
  await other.close();
});

test("a browser without scripts gets its reader's copy until a change, and one that stopped running them finds its way there", async ({
  page,
  browser,
}) => {
  await signIn(page, uniqueEmail("copies"));
  await saveTwoProvers(page);
  // The same session in a browser that said it runs scripts and no longer does.
  const cookies = (await page.context().cookies()).filter((cookie) => cookie.name === "pp_session" || cookie.name === "pp_js");
  expect(cookies).toHaveLength(2);
  const noScripts = await browser.newContext({ javaScriptEnabled: false });
  await noScripts.addCookies(cookies);
  const reader = await noScripts.newPage();

  expect(await open(reader, "/library")).toBe("shell miss");
  await reader.getByRole("link", { name: "Show it without JavaScript" }).click();
  await expect(reader.getByText("2 papers saved")).toBeVisible();
  expect((await noScripts.cookies()).map((cookie) => cookie.name)).not.toContain("pp_js");

  expect(await open(reader, "/library")).toBe("miss");
  await expect(reader.getByText("2 papers saved")).toBeVisible();
  expect(await open(reader, "/library")).toBe("hit");
  await reader.getByRole("button", { name: /^More like this: LeanAgent/ }).click();
  await expect(reader.getByRole("status")).toContainText("Rating saved.");
  expect(await open(reader, "/library")).toBe("miss");
  await expect(reader.getByRole("button", { name: /^More like this: LeanAgent/ })).toHaveAttribute("aria-pressed", "true");

  expect(await open(reader, "/for-you?period=all")).toBe("miss");
  expect(await open(reader, "/for-you?period=all")).toBe("hit");
  await expect(reader.getByText("2 liked papers, 0 not for you")).toBeVisible();
  await noScripts.close();
});
