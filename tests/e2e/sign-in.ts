import { expect, type Page } from "@playwright/test";

import { expectNoAxeViolations } from "./axe";

/** Asks for a link, opens the newest one from the outbox, and presses the button. */
export async function signIn(page: Page, email: string, { checkPages = false } = {}) {
  await page.goto("/sign-in");
  if (checkPages) await expectNoAxeViolations(page);
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("status")).toContainText("Check your inbox");
  await page.getByRole("link", { name: "local outbox" }).click();
  await page.getByRole("link").filter({ hasText: "Sign in to PaperPulse" }).filter({ hasText: email }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in to PaperPulse");
  await page.getByRole("region", { name: "Links" }).getByRole("link", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Finish signing in" })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
  if (checkPages) await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/library\?signed-in=1/);
}
