import { expect, test } from "@playwright/test";

// The e2e server answers arXiv requests from the recorded fixtures (tests/e2e/serve.ts).

test("a paper submitted by id is fetched, shown and added, with its own page", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Submit" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Submit a paper" })).toBeVisible();

  await page.getByLabel("arXiv id or link").fill("https://arxiv.org/abs/2503.07001v1");
  await page.getByRole("button", { name: "Add paper" }).click();

  const result = page.getByRole("status");
  await expect(result.getByRole("heading", { name: "Added to PaperPulse" })).toBeVisible();
  await expect(result).toContainText("Linear-Time Attention in O(n) Memory: Sparse Kernels for Long-Context Transformers");
  await expect(result).toContainText("José García-López, Zoë Müller, 王小明 et al.");

  await result.getByRole("link", { name: "Open the paper page" }).click();
  await expect(page).toHaveURL(/\/papers\/2503\.07001$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Linear-Time Attention in O(n) Memory: Sparse Kernels for Long-Context Transformers",
  );
  await expect(page.getByText("arXiv:2503.07001v2")).toBeVisible();
  await expect(page.getByRole("list", { name: "Categories" }).first()).toContainText("cs.LG");

  await page.goto("/submit");
  await page.getByLabel("arXiv id or link").fill("2503.07001");
  await page.getByRole("button", { name: "Add paper" }).click();
  // A paper we already have opens at once.
  await expect(page).toHaveURL(/\/papers\/2503\.07001$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Linear-Time Attention in O(n) Memory: Sparse Kernels for Long-Context Transformers",
  );
});

test("input without an arXiv id gets a clear message on the field, and keeps what was typed", async ({ page }) => {
  await page.goto("/submit");
  const field = page.getByLabel("arXiv id or link");
  await field.fill("attention is all you need");
  await page.getByRole("button", { name: "Add paper" }).click();
  await expect(page.getByText("That is not an arXiv id or link.")).toBeVisible();
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveValue("attention is all you need");
  await expect(page.getByRole("status")).toHaveCount(0);
});

test("an id arXiv does not know is reported", async ({ page }) => {
  await page.goto("/submit");
  await page.getByLabel("arXiv id or link").fill("2503.99999");
  await page.getByRole("button", { name: "Add paper" }).click();
  await expect(page.getByText("arXiv has no paper 2503.99999. Check the id and try again.")).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the form still submits and shows the added paper", async ({ page }) => {
    await page.goto("/submit");
    await page.getByLabel("arXiv id or link").fill("https://arxiv.org/pdf/math/0211159v1");
    await page.getByRole("button", { name: "Add paper" }).click();
    await expect(page.getByRole("status")).toContainText("The entropy formula for the Ricci flow and its geometric applications");
    await expect(page.getByRole("status")).toContainText("Grisha Perelman");
  });
});
