import { expect, test } from "@playwright/test";

import { confirmedSubscription } from "./confirmed-subscription";

test("the manage page keeps the weekday and time zone just saved, also through a second save", async ({ page }) => {
  test.setTimeout(60_000);
  await confirmedSubscription(page, { topics: "diffusion" });
  await page.getByRole("radio", { name: "Weekly" }).check();
  await page.getByLabel("Weekly on").selectOption({ label: "Wednesday" });
  await page.getByLabel("Time zone").selectOption("America/New_York");
  await page.getByRole("button", { name: "Save preferences" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your preferences are saved." })).toBeVisible();
  await expect(page.getByLabel("Weekly on")).toHaveValue("3");
  await expect(page.getByLabel("Time zone")).toHaveValue("America/New_York");

  await page.getByLabel("Topics").fill("diffusion\nprotein folding");
  // The page already reads as saved from the first save: wait for the second one's answer itself.
  const saved = page.waitForResponse((response) => response.request().method() === "POST");
  await page.getByRole("button", { name: "Save preferences" }).click();
  expect((await saved).ok()).toBe(true);
  await expect(page.getByText("a weekly digest (Wednesdays)")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Weekly on")).toHaveValue("3");
  await expect(page.getByLabel("Time zone")).toHaveValue("America/New_York");
  await expect(page.getByLabel("Topics")).toHaveValue("diffusion\nprotein folding");
});

test("robots.txt and the sitemap index name the running server, not the build's", async ({ request, baseURL }) => {
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
  expect(robots).not.toContain("undefined");
  const index = await request.get("/sitemap.xml");
  expect(index.status()).toBe(200);
  const body = await index.text();
  expect(body).toContain(`<loc>${baseURL}/sitemaps/0.xml</loc>`);
  expect(body).not.toContain("undefined");
  expect(await (await request.get("/sitemaps/0.xml")).text()).toContain(`${baseURL}/papers/2411.15124`);
});

test("submitting a paper PaperPulse already has opens it at once", async ({ page }) => {
  await page.goto("/submit");
  await page.getByLabel("arXiv id or link").fill("https://arxiv.org/abs/2411.15124v2");
  const started = Date.now();
  await page.getByRole("button", { name: "Add paper" }).click();
  await expect(page).toHaveURL(/\/papers\/2411\.15124$/, { timeout: 5_000 });
  await expect(page.getByRole("heading", { level: 1 })).toContainText("3: Pushing Frontiers");
  expect(Date.now() - started).toBeLessThan(5_000);
});

test("an unknown paper's 404 offers to add it, with the id filled in", async ({ page }) => {
  const response = await page.goto("/papers/2403.99999");
  expect(response?.status()).toBe(404);
  await page.getByRole("link", { name: "Add it to PaperPulse" }).click();
  await expect(page).toHaveURL(/\/submit\?id=2403\.99999$/);
  await expect(page.getByLabel("arXiv id or link")).toHaveValue("2403.99999");
});

test("a subscriber without topics is told what they get, the preview shows it, and topics that match nothing are refused", async ({
  page,
}) => {
  await page.goto("/subscribe");
  const preview = page.getByRole("complementary", { name: "Preview" });
  await expect(preview).toContainText("With no topics, each digest brings the top trending papers");
  await expect(preview.getByRole("listitem").first()).toBeVisible();

  await page.getByLabel("Email address").fill("someone@example.org");
  await page.getByLabel("Topics").fill('"unclosed\n-\ncs.XX');
  await expect(preview).toContainText("quotation mark is not closed");
  await page.getByRole("button", { name: "Subscribe" }).click();
  const topicErrors = page.locator("#subscribe-topics-error");
  await expect(topicErrors).toContainText('“"unclosed”: a quotation mark is not closed');
  await expect(topicErrors).toContainText("“-”: a topic needs a word");
  await expect(topicErrors).toContainText("“cs.XX”: this is not an arXiv category");

  const manage = await confirmedSubscription(page, { topics: "" });
  await page.goto(manage);
  await expect(page.getByText("you follow no topics yet, so each brings the top trending papers")).toBeVisible();
});

test("/ typed into a text field is text; elsewhere it jumps to the search box", async ({ page }) => {
  await page.goto("/subscribe");
  const box = page.getByRole("combobox", { name: "Search papers" });
  const topics = page.getByLabel("Topics");
  await expect(async () => {
    await page.locator("body").press("/");
    await expect(box).toBeFocused({ timeout: 500 });
  }).toPass();
  await topics.click();
  await page.keyboard.type("input/output models");
  await expect(topics).toHaveValue("input/output models");
  await expect(topics).toBeFocused();
  await page.getByLabel("arXiv categories").click();
  await page.keyboard.type("cs.LG/");
  await expect(page.getByLabel("arXiv categories")).toHaveValue("cs.LG/");
});
