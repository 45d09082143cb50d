import { expect, test } from "@playwright/test";

import { emailPreviews, type EmailPreview } from "../../emails/previews";
import { startAppInstance } from "../support/app-instance";
import { expectNoAxeViolations } from "./axe";
import { e2eDatabaseUrl } from "./e2e-server";

const previews = Object.entries(emailPreviews).map(([name, preview]: [string, EmailPreview<unknown>]) => ({
  name,
  title: preview.title,
  ...preview.render(preview.props),
}));

test("/dev/emails lists every template and shows each one's HTML and text parts", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/dev/emails");
  await expect(page.getByRole("heading", { level: 1, name: "Email previews" })).toBeVisible();
  await expect(page.getByRole("listitem")).toHaveCount(previews.length);
  await expectNoAxeViolations(page);

  for (const { name, title, subject, html, text } of previews) {
    await page.goto("/dev/emails");
    await page.getByRole("link", { name: title, exact: false }).filter({ hasText: subject }).click();
    await expect(page).toHaveURL(`/dev/emails/${name}`);
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByText(subject, { exact: true })).toBeVisible();
    await expect(page.locator("iframe")).toHaveAttribute("srcdoc", html.replace("<head>", '<head><base target="_top">'));
    // The sandboxed frame shows the email, its own <style> and all, under the page's policy.
    const email = page.frameLocator("iframe");
    await expect(email.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(email.locator("a").first()).toBeVisible();
    expect(await page.locator("pre").textContent()).toBe(text);
  }
  await expectNoAxeViolations(page);
  expect((await page.goto("/dev/emails/no-such-template"))?.status()).toBe(404);
});

test("/dev/emails and the outbox are not there once mail goes to an SMTP server", async () => {
  test.setTimeout(120_000);
  // A second server on the e2e database, which it only reads; the port is the next after the trust spec's.
  const port = Number(process.env.E2E_TRUST_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 10) + 1;
  const databaseUrl = await e2eDatabaseUrl();
  const app = await startAppInstance({
    port,
    env: {
      DATABASE_URL: databaseUrl,
      APP_URL: `http://localhost:${port}`,
      APP_SECRET: "dev-emails-secret-dev-emails-secret-0123",
      SMTP_URL: "smtp://127.0.0.1:9",
    },
  });
  try {
    for (const path of ["/dev/emails", `/dev/emails/${previews[0]!.name}`, "/dev/outbox"]) {
      const response = await fetch(`${app.url}${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.text()).not.toContain(previews[0]!.subject);
    }
  } finally {
    await app.stop();
  }
});
