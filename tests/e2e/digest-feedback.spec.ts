import { expect, test } from "@playwright/test";
import pg from "pg";

import { expectNoAxeViolations } from "./axe";
import { openOutboxEmail, uniqueEmail } from "./confirmed-subscription";
import { e2eDatabaseUrl } from "./e2e-server";

// tests/e2e/serve.ts gives the server this secret.
const CRON_SECRET = "e2e-cron-secret-0123456789";

/** The arXiv ids in the library of the reader with this address, straight from the database. */
async function libraryOf(email: string): Promise<string[]> {
  const url = await e2eDatabaseUrl();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ arxivId: string }>(
      `SELECT p.arxiv_id AS "arxivId" FROM library_item li JOIN reader r ON r.id = li.reader_id JOIN paper p ON p.id = li.paper_id
       WHERE r.email = $1`,
      [email],
    );
    return rows.map((row) => row.arxivId);
  } finally {
    await client.end();
  }
}

test.use({ timezoneId: "Europe/Berlin" });

test("the subscribe form says when digests arrive in the reader's time zone", async ({ page }) => {
  await page.goto("/subscribe");
  await expect(page.getByText(/^Daily digests arrive at \d\d:\d\d in your time zone \(Europe\/Berlin\)\./)).toBeVisible();
  await page.getByRole("radio", { name: "Weekly" }).check();
  await page.getByLabel("Weekly on").selectOption({ label: "Thursday" });
  await expect(page.getByText(/^Weekly digests arrive on Thursdays at \d\d:\d\d in your time zone \(Europe\/Berlin\)\./)).toBeVisible();
});

test("a digest's Save link opens a one-button page; only the button saves the paper, and it can be undone", async ({ page, request }) => {
  test.setTimeout(150_000);
  const email = uniqueEmail("feedback");
  await page.goto("/subscribe");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Topics").fill("diffusion");
  await page.getByRole("button", { name: "Subscribe" }).click();
  await openOutboxEmail(page, email, "Confirm your PaperPulse subscription");
  await page.getByRole("link", { name: "Confirm subscription" }).click();
  await page.getByRole("button", { name: "Confirm subscription" }).click();
  await expect(page).toHaveURL(/notice=confirmed/);
  const run = await request.post("/api/cron/digest", { headers: { authorization: `Bearer ${CRON_SECRET}` } });
  expect(run.status()).toBe(200);

  // The digest, from the outbox as the subscriber would open it.
  const digest = page
    .getByRole("link")
    .filter({ hasText: /new papers? for you/ })
    .filter({ hasText: email })
    .first();
  await expect(async () => {
    await page.goto("/dev/outbox");
    await expect(digest).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await digest.click();
  const frame = page.frameLocator("iframe");
  const title = (await frame.getByRole("heading", { level: 3 }).first().innerText()).trim();
  const saveUrl = await frame.getByRole("link", { name: "Save", exact: true }).first().getAttribute("href");
  await expect(frame.getByRole("link", { name: "More like this" }).first()).toBeVisible();
  await expect(frame.getByRole("link", { name: "Not for me" }).first()).toBeVisible();
  expect(saveUrl).toMatch(/\/digest\/feedback\?token=/);

  // Opening the link, as a mail scanner would, twice, saves nothing.
  for (let visit = 0; visit < 2; visit++) {
    await page.goto(saveUrl!);
    await expect(page.getByRole("heading", { level: 1, name: "Save to my library" })).toBeVisible();
    await expect(page.getByRole("link", { name: title })).toBeVisible();
  }
  expect(await libraryOf(email)).toEqual([]);
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

  await page.getByRole("button", { name: "Save to my library" }).click();
  await expect(page.getByRole("status")).toContainText("Saved to your library");
  const [arxivId] = await libraryOf(email);
  expect(arxivId).toBeTruthy();
  await expect(page.getByRole("link", { name: title })).toHaveAttribute("href", `/papers/${arxivId}`);
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByRole("status")).toContainText("Removed from your library");
  expect(await libraryOf(email)).toEqual([]);

  // A forged token gets a designed page, not an error.
  await page.goto(saveUrl!.replace(/\.[\w-]{43}$/, `.${"A".repeat(43)}`));
  await expect(page.getByRole("heading", { level: 1, name: "This link is not valid" })).toBeVisible();
  await expect(page.getByText("Nothing was changed")).toBeVisible();
  await expectNoAxeViolations(page);
});
