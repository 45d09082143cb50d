import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

import { openOutboxEmail, uniqueEmail } from "./confirmed-subscription";

// tests/e2e/serve.ts gives the server this secret.
const CRON_SECRET = "e2e-cron-secret-0123456789";

test("a confirmed subscriber gets a digest from the cron route, and clicks through to a paper", async ({ page, request }) => {
  test.setTimeout(120_000);
  const email = uniqueEmail("digest");

  await page.goto("/subscribe");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Topics").fill("diffusion");
  await page.getByRole("button", { name: "Subscribe" }).click();
  await expect(page.getByRole("status")).toContainText("Check your inbox");

  await openOutboxEmail(page, email, "Confirm your PaperPulse subscription");
  await page.getByRole("link", { name: "Confirm subscription" }).click();
  await page.getByRole("button", { name: "Confirm subscription" }).click();
  await expect(page).toHaveURL(/\/subscriptions\/manage\?token=.+&notice=confirmed/);

  // The manage page previews the digest the subscriber would get now, with the same template.
  await page.getByRole("link", { name: "Preview your next digest" }).click();
  await expect(page.getByRole("heading", { name: "Your next digest" })).toBeVisible();
  await expect(page.getByText(/Subject: \d+ new papers? for you/)).toBeVisible();
  await expect(page.frameLocator("iframe").getByText("Matches: diffusion").first()).toBeVisible();

  const refused = await request.post("/api/cron/digest");
  expect(refused.status()).toBe(401);
  const run = await request.post("/api/cron/digest", { headers: { authorization: `Bearer ${CRON_SECRET}` } });
  expect(run.status()).toBe(200);
  const summary = await run.json();
  expect(summary).toMatchObject({ due: expect.any(Number), sent: expect.any(Number), failed: 0, complete: true });
  // Statements are counted in the running server too, where the proxy and the routes are bundled apart.
  expect(summary.queries).toBeGreaterThan(0);
  // A second call sends nobody a second digest for the same day.
  const again = await request.get("/api/cron/digest", { headers: { authorization: `Bearer ${CRON_SECRET}` } });
  expect(await again.json()).toMatchObject({ sent: 0 });

  await openOutboxEmail(page, email, /new papers? for you/);
  const frame = page.frameLocator("iframe");
  await expect(frame.getByText("Matches: diffusion").first()).toBeVisible();
  await expect(frame.getByText("Also trending")).toBeVisible();
  const title = (await frame.getByRole("heading", { level: 3 }).first().innerText()).trim();

  // The email itself passes the accessibility checks that apply to a message (emails have no
  // landmarks), in both colour schemes.
  const html = (await page.locator("iframe").first().getAttribute("srcdoc")) ?? "";
  expect(html).toContain("Also trending");
  for (const colorScheme of ["light", "dark"] as const) {
    const emailPage = await page.context().newPage();
    await emailPage.emulateMedia({ colorScheme });
    await emailPage.setContent(html);
    const results = await new AxeBuilder({ page: emailPage })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .disableRules(["region", "landmark-one-main", "page-has-heading-one"])
      .analyze();
    expect(results.violations.map((violation) => `${colorScheme} ${violation.id}: ${violation.nodes.length}`)).toEqual([]);
    await emailPage.close();
  }
  await page.getByRole("link", { name: title, exact: true }).first().click();
  await expect(page).toHaveURL(/\/papers\/\d{4}\.\d{4,5}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
});
