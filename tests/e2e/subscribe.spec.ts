import { expect, test, type Page } from "@playwright/test";

import { expectNoAxeViolations } from "./axe";
import { openOutboxEmail, uniqueEmail } from "./confirmed-subscription";

async function subscribe(page: Page, email: string, topics: string) {
  await page.goto("/subscribe");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Topics").fill(topics);
  await page.getByRole("button", { name: "Subscribe" }).click();
  await expect(page.getByRole("status")).toContainText("Check your inbox");
}

test("subscribe, confirm from the outbox, change preferences, pause, and unsubscribe", async ({ page }) => {
  test.setTimeout(120_000);
  const email = uniqueEmail("e2e");
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Subscribe" }).click();
  await expect(page).toHaveURL(/\/subscribe$/);

  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Topics").fill("diffusion");
  const preview = page.getByRole("complementary", { name: "Preview" });
  await expect(preview.getByRole("listitem").first()).toContainText("Matches: diffusion");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Subscribe" }).click();
  await expect(page.getByRole("status")).toContainText("Check your inbox");

  await page.getByRole("link", { name: "local outbox" }).click();
  // The email is written just after the form's answer: look again until it is there.
  const confirmation = page.getByRole("link").filter({ hasText: "Confirm your PaperPulse subscription" }).filter({ hasText: email });
  await expect(async () => {
    await page.goto("/dev/outbox");
    await expect(confirmation).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await confirmation.click();
  await expect(page.locator("dl")).toContainText(email);
  await expect(page.frameLocator("iframe").getByRole("link", { name: "Confirm subscription" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Confirm subscription" }).click();

  await expect(page.getByRole("heading", { name: "Confirm your subscription" })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Confirm subscription" }).click();

  await expect(page).toHaveURL(/\/subscriptions\/manage\?token=.+&notice=confirmed/);
  await expect(page.getByRole("status").filter({ hasText: "You're subscribed" })).toBeVisible();
  await expect(page.getByLabel("Topics")).toHaveValue("diffusion");
  await expectNoAxeViolations(page);

  await page.getByLabel("Topics").fill("diffusion\nprotein folding");
  await page.getByRole("radio", { name: "Weekly" }).check();
  await page.getByLabel("Weekly on").selectOption({ label: "Friday" });
  await page.getByLabel("Time zone").selectOption("Europe/Berlin");
  await page.getByRole("button", { name: "Save preferences" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your preferences are saved." })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Topics")).toHaveValue("diffusion\nprotein folding");
  await expect(page.getByLabel("Time zone")).toHaveValue("Europe/Berlin");
  await expect(page.getByText("a weekly digest (Fridays)")).toBeVisible();

  await page.getByRole("button", { name: "Pause digests" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Digests are paused" })).toBeVisible();
  await page.getByRole("button", { name: "Resume digests" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Digests are back on" })).toBeVisible();

  // Subscribing the address again looks the same on the page; the owner gets their links instead.
  await subscribe(page, email, "something else");
  await openOutboxEmail(page, email, "You're already subscribed to PaperPulse");
  await expect(page.locator("dl")).toContainText("List-Unsubscribe=One-Click");
  await page.getByRole("link", { name: "Unsubscribe", exact: true }).click();

  await expect(page.getByRole("heading", { name: "Unsubscribe" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(page.getByRole("status")).toContainText("You're unsubscribed");
});

test("a bad address gets a message next to the field and keeps everything typed", async ({ page }) => {
  await page.goto("/subscribe?q=retrieval%20augmented%20generation");
  await expect(page.getByLabel("Topics")).toHaveValue("retrieval augmented generation");
  await page.getByLabel("Email address").fill("not-an-address");
  await page.getByLabel("arXiv categories").fill("cs.CL nonsense!");
  await page.getByRole("button", { name: "Subscribe" }).click();

  await expect(page.getByRole("alert").filter({ hasText: "Please correct the marked fields." })).toBeVisible();
  await expect(page.getByText("Enter a valid email address, like name@example.com.")).toBeVisible();
  // The field's own message (the live preview beside the form may say the same).
  await expect(page.locator("#subscribe-categories-error")).toHaveText("“nonsense!” is not an arXiv category like cs.LG.");
  await expect(page.getByLabel("Email address")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Email address")).toHaveValue("not-an-address");
  await expect(page.getByLabel("Topics")).toHaveValue("retrieval augmented generation");
  await expect(page.getByLabel("arXiv categories")).toHaveValue("cs.CL nonsense!");
});

test("the one-click unsubscribe URL from the email header unsubscribes on POST with no cookies", async ({ page, playwright }) => {
  test.setTimeout(60_000);
  const email = uniqueEmail("e2e");
  await subscribe(page, email, "graph neural networks");
  await openOutboxEmail(page, email, "Confirm your PaperPulse subscription");
  await page.getByRole("link", { name: "Confirm subscription" }).click();
  await page.getByRole("button", { name: "Confirm subscription" }).click();
  await expect(page).toHaveURL(/notice=confirmed/);
  const manageUrl = page.url();

  await subscribe(page, email, "anything");
  await openOutboxEmail(page, email, "You're already subscribed to PaperPulse");
  const header = await page
    .locator("dt", { hasText: /^List-Unsubscribe$/ })
    .locator("xpath=following-sibling::dd[1]")
    .textContent();
  const oneClick = /^<(.+)>$/.exec(header ?? "")?.[1];
  expect(oneClick).toContain("/api/subscriptions/unsubscribe?token=");

  const mailProvider = await playwright.request.newContext();
  const response = await mailProvider.post(oneClick!, { form: { "List-Unsubscribe": "One-Click" } });
  expect(response.status()).toBe(200);
  await mailProvider.dispose();

  await page.goto(manageUrl);
  await expect(page.getByText("Unsubscribed.")).toBeVisible();
  await page.getByRole("button", { name: "Subscribe again" }).click();
  await expect(page.getByRole("status").filter({ hasText: "You're subscribed again." })).toBeVisible();
  await page.getByRole("checkbox", { name: "Yes, delete everything about me" }).check();
  await page.getByRole("button", { name: "Delete all my data" }).click();
  await expect(page.getByRole("status")).toContainText("All your data is deleted");
  await page.goto(manageUrl);
  await expect(page.getByRole("heading", { name: "This link is not valid" })).toBeVisible();
});
