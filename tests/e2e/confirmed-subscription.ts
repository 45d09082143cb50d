import { expect, type Page } from "@playwright/test";

export const uniqueEmail = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.org`;

/** Opens the newest outbox email to `email` with this subject. */
export async function openOutboxEmail(page: Page, email: string, subject: string | RegExp): Promise<void> {
  // A subscription's email is written just after the form's answer: look again until it is there.
  const message = page.getByRole("link").filter({ hasText: subject }).filter({ hasText: email }).first();
  await expect(async () => {
    await page.goto("/dev/outbox");
    await expect(message).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await message.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(subject);
}

/** Subscribes through the form, confirms from the outbox and leaves the page on the manage page; returns its URL. */
export async function confirmedSubscription(
  page: Page,
  options: { topics?: string; subscribeUrl?: string; email?: string } = {},
): Promise<string> {
  const email = options.email ?? uniqueEmail("e2e");
  await page.goto(options.subscribeUrl ?? "/subscribe");
  await page.getByLabel("Email address").fill(email);
  if (options.topics !== undefined) await page.getByLabel("Topics").fill(options.topics);
  await page.getByRole("button", { name: "Subscribe" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Check your inbox" })).toBeVisible();
  await openOutboxEmail(page, email, "Confirm your PaperPulse subscription");
  await page.getByRole("link", { name: "Confirm subscription" }).click();
  await page.getByRole("button", { name: "Confirm subscription" }).click();
  await expect(page).toHaveURL(/notice=confirmed/);
  return page.url();
}
