import { expect, test } from "@playwright/test";

test("a paper page carries Highwire citation tags and og:url for reference managers and link previews", async ({ page, baseURL }) => {
  await page.goto("/papers/2411.15124");
  const content = (name: string) => page.locator(`meta[name="${name}"]`).first().getAttribute("content");
  expect(await content("citation_title")).toBe("TÜLU 3: Pushing Frontiers in Open Language Model Post-Training");
  const authors = await page.locator('meta[name="citation_author"]').evaluateAll((tags) => tags.map((tag) => tag.getAttribute("content")));
  expect(authors).toHaveLength(await page.getByRole("list", { name: "Authors" }).getByRole("listitem").count());
  expect(authors[0]).toBe("Nathan Lambert");
  expect(await content("citation_publication_date")).toBe("2024/11/22");
  expect(await content("citation_arxiv_id")).toBe("2411.15124");
  expect(await content("citation_pdf_url")).toBe("https://arxiv.org/pdf/2411.15124");
  expect(await page.locator('meta[property="og:url"]').getAttribute("content")).toBe(`${baseURL}/papers/2411.15124`);
});

test("Cite shows arXiv-style BibTeX to copy or download", async ({ page, context, baseURL }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  await page.goto("/papers/2411.15124");
  await page.getByText("Cite", { exact: true }).click();
  const bibtex = page.getByLabel("BibTeX");
  await expect(bibtex).toContainText("@misc{lambert2024tulu,");
  await expect(bibtex).toContainText("eprint={2411.15124},");
  await expect(bibtex).toContainText("archivePrefix={arXiv},");

  await page.getByRole("button", { name: "Copy BibTeX" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Copied." })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await bibtex.textContent());

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download .bib" }).click();
  expect((await download).suggestedFilename()).toBe("2411.15124.bib");
  const response = await page.request.get("/cite/2411.15124");
  expect(response.headers()["content-type"]).toBe("application/x-bibtex; charset=utf-8");
  expect(await response.text()).toBe(await bibtex.textContent());
  expect((await page.request.get("/cite/2403.99999")).status()).toBe(404);
});
