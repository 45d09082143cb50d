import { readFile } from "node:fs/promises";

import { expect, test, type Browser, type Page } from "@playwright/test";
import pg from "pg";

import { expectNoAxeViolations } from "./axe";
import { uniqueEmail } from "./confirmed-subscription";
import { e2eDatabaseUrl } from "./e2e-server";
import { signIn } from "./sign-in";

async function rowsLeft(email: string): Promise<number> {
  const url = await e2eDatabaseUrl();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ left: string }>(
      `SELECT (SELECT count(*) FROM reader WHERE email = $1) + (SELECT count(*) FROM sign_in_token WHERE email = $1)
            + (SELECT count(*) FROM outbox WHERE recipient = $1) + (SELECT count(*) FROM reader_session s WHERE NOT EXISTS (SELECT 1 FROM reader r WHERE r.id = s.reader_id))
            + (SELECT count(*) FROM library_item li WHERE NOT EXISTS (SELECT 1 FROM reader r WHERE r.id = li.reader_id))
            + (SELECT count(*) FROM library_tag t WHERE NOT EXISTS (SELECT 1 FROM reader r WHERE r.id = t.reader_id))
            + (SELECT count(*) FROM paper_rating pr WHERE NOT EXISTS (SELECT 1 FROM reader r WHERE r.id = pr.reader_id)) AS left`,
      [email],
    );
    return Number(rows[0]!.left);
  } finally {
    await client.end();
  }
}

async function librarySize(page: Page): Promise<string> {
  await page.goto("/library");
  return (await page.getByText(/papers? saved$/).textContent()) ?? "";
}

test("a reader signs in by email, builds a library, exports it, finds it on a second device, and deletes everything", async ({
  page,
  browser,
}: {
  page: Page;
  browser: Browser;
}) => {
  test.setTimeout(180_000);
  const email = uniqueEmail("reader");

  // Saved before signing in: kept in the browser, merged at sign-in.
  await page.goto("/?period=all");
  const firstCard = page.getByRole("article").first();
  const firstTitle = (await firstCard.getByRole("heading").textContent())!.trim();
  await firstCard.getByRole("button", { name: /^Save:/ }).click();
  await expect(firstCard.getByRole("button", { name: /^Saved:/ })).toHaveAttribute("aria-pressed", "true");
  await expect(firstCard.getByText("Kept in this browser.")).toBeVisible();

  await signIn(page, email, { checkPages: true });
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Account" })).toBeVisible();
  await expect(page.getByRole("article").filter({ hasText: firstTitle })).toBeVisible();

  // Save from the feed and from search.
  await page.goto("/?period=all");
  const secondCard = page.getByRole("article").nth(1);
  const secondTitle = (await secondCard.getByRole("heading").textContent())!.trim();
  await expect(
    page
      .getByRole("article")
      .first()
      .getByRole("button", { name: /^Saved:/ }),
  ).toBeVisible();
  await secondCard.getByRole("button", { name: /^Save:/ }).click();
  await expect(secondCard.getByRole("button", { name: /^Saved:/ })).toBeVisible();
  await page.goto("/search?q=reasoning");
  const hit = page
    .getByRole("article")
    .filter({ hasNot: page.getByRole("button", { name: /^Saved:/ }) })
    .first();
  const hitTitle = (await hit.getByRole("heading").textContent())!.trim();
  await hit.getByRole("button", { name: /^Save:/ }).click();
  await expect(
    page
      .getByRole("article")
      .filter({ hasText: hitTitle })
      .getByRole("button", { name: /^Saved:/ }),
  ).toBeVisible();

  // Rate on a paper page, reversibly.
  await page.getByRole("article").filter({ hasText: hitTitle }).getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(hitTitle);
  const notForMe = page.getByRole("button", { name: `Not for me: ${hitTitle}`, exact: true });
  const moreLikeThis = page.getByRole("button", { name: `More like this: ${hitTitle}`, exact: true });
  await expect(page.getByRole("button", { name: `Saved: ${hitTitle}`, exact: true })).toHaveAttribute("aria-pressed", "true");
  await notForMe.click();
  await expect(notForMe).toHaveAttribute("aria-pressed", "true");
  await moreLikeThis.click();
  await expect(moreLikeThis).toHaveAttribute("aria-pressed", "true");
  await expect(notForMe).toHaveAttribute("aria-pressed", "false");
  // The buttons show the new state while the post is in flight; reload only once it has landed.
  await expect(moreLikeThis).toBeEnabled();
  await page.reload();
  await expect(moreLikeThis).toHaveAttribute("aria-pressed", "true");
  await expect(notForMe).toHaveAttribute("aria-pressed", "false");

  // Tag in the library and filter by tag.
  expect(await librarySize(page)).toBe("3 papers saved");
  await page.getByLabel(`Tags for ${secondTitle}, separated by commas`).fill("thesis, to read");
  await page.getByRole("article").filter({ hasText: secondTitle }).getByRole("button", { name: "Save tags" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Tags saved." })).toBeVisible();
  await page
    .getByRole("navigation", { name: "Tags" })
    .getByRole("link", { name: /^thesis/ })
    .click();
  await expect(page.getByRole("article")).toHaveCount(1);
  await expect(page.getByRole("article")).toContainText(secondTitle);
  await expectNoAxeViolations(page);

  // Import a small .bib: one paper already saved, one new, one unknown to arXiv.
  const arxivIdOf = async (title: string) => {
    await page.goto("/library");
    return (await page.getByRole("article").filter({ hasText: title }).locator(".font-mono").first().textContent())!.trim();
  };
  const savedId = await arxivIdOf(firstTitle);
  await page.goto("/library/import");
  await expectNoAxeViolations(page);
  const bib = `@misc{known, eprint={${savedId}}, archivePrefix={arXiv}}\n@article{new, url={https://arxiv.org/abs/2502.03387}}\n@misc{gone, doi={10.48550/arXiv.2503.99999}}\n`;
  await page
    .getByLabel("Or a BibTeX (.bib) or RIS (.ris) file")
    .setInputFiles({ name: "zotero.bib", mimeType: "application/x-bibtex", buffer: Buffer.from(bib) });
  await page.getByLabel("Tag every imported paper (optional)").fill("imported");
  await page.getByRole("button", { name: "Import" }).click();
  const summary = page.getByRole("status").filter({ hasText: "Found 3 arXiv papers" });
  await expect(summary).toBeVisible();
  await expect(summary).toContainText("Already in your library: 1");
  await expect(summary).toContainText("Not on arXiv: 1");
  await expect(summary).toContainText("2503.99999");
  expect(await librarySize(page)).toMatch(/^4 papers saved$/);

  // Export BibTeX.
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export all as BibTeX" }).click();
  const download = await downloadPromise;
  const exported = await readFile((await download.path())!, "utf8");
  expect(exported.match(/@misc\{/g)).toHaveLength(4);
  expect(exported).toContain(`eprint={${savedId}}`);
  expect(exported).toContain("archivePrefix={arXiv}");

  // The account page, then sign out.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Account" }).click();
  await expect(page.getByText(email)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("status")).toContainText("You're signed out.");
  await page.goto("/library");
  await expect(page).toHaveURL(/\/sign-in\?next=\/library$/);

  // A second device sees the same library.
  const device = await browser.newContext();
  const phone = await device.newPage();
  await signIn(phone, email);
  expect(await librarySize(phone)).toBe("4 papers saved");
  await expect(phone.getByRole("navigation", { name: "Tags" })).toContainText("thesis");

  // Delete the account: nothing about the reader is left.
  await phone.goto("/account");
  await phone.getByRole("checkbox", { name: "Yes, delete my account and everything in it" }).check();
  await phone.getByRole("button", { name: "Delete my account" }).click();
  await expect(phone.getByRole("status")).toContainText("Your account is deleted");
  await device.close();
  expect(await rowsLeft(email)).toBe(0);
});

test("a forged or reused sign-in link shows a page that says so, never a session", async ({ page }) => {
  await page.goto("/sign-in/confirm?token=AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
  await expect(page.getByRole("heading", { name: "This sign-in link is not valid" })).toBeVisible();
  await expectNoAxeViolations(page);
  const context = page.context();
  expect((await context.cookies()).find((cookie) => cookie.name === "pp_session")).toBeUndefined();
});

test("without JavaScript: ask for a link, sign in, and save from a paper page", async ({ browser }: { browser: Browser }) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const email = uniqueEmail("reader");
  const save = page.getByRole("button", { name: /^Save: / });

  // Saving while signed out asks to sign in, and comes back to the paper afterwards.
  await page.goto("/papers/2502.03387");
  await save.click();
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fpapers%2F2502\.03387$/);
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("status")).toContainText("Check your inbox");

  await page.goto("/dev/outbox");
  await page.getByRole("link").filter({ hasText: "Sign in to PaperPulse" }).filter({ hasText: email }).first().click();
  await page.getByRole("region", { name: "Links" }).getByRole("link", { name: "Sign in", exact: true }).click();
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/papers\/2502\.03387\?signed-in=1$/);

  await save.click();
  await expect(page.getByRole("button", { name: /^Saved: / })).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("button", { name: /^More like this: / }).click();
  await expect(page.getByRole("button", { name: /^More like this: / })).toHaveAttribute("aria-pressed", "true");
  await page.goto("/library");
  await expect(page.getByText("1 paper saved")).toBeVisible();

  // The library card's one form tags, rates and removes, each post coming back to the library.
  const card = page.getByRole("article");
  await expect(card.getByRole("button", { name: /^More like this: / })).toHaveAttribute("aria-pressed", "true");
  await card.getByLabel(/^Tags for .*, separated by commas$/).fill("offline");
  await card.getByLabel(/^Tags for .*, separated by commas$/).press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Tags saved." })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Tags" }).getByRole("link", { name: /^offline/ })).toBeVisible();
  await card.getByRole("button", { name: /^Not for me: / }).click();
  await expect(page.getByRole("status").filter({ hasText: "Rating saved." })).toBeVisible();
  await expect(card.getByRole("button", { name: /^Not for me: / })).toHaveAttribute("aria-pressed", "true");
  await expect(card.getByRole("button", { name: /^More like this: / })).toHaveAttribute("aria-pressed", "false");
  await card.getByRole("button", { name: /^Saved: / }).click();
  await expect(page.getByRole("status").filter({ hasText: "Removed from your library." })).toBeVisible();
  await expect(page.getByText("0 papers saved")).toBeVisible();
  await context.close();
});
