import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

test("a paper page lists similar papers with the key terms they share", async ({ page }) => {
  await page.goto("/papers/2009.01325");
  const similar = page.getByRole("region", { name: "Similar papers" });
  await expect(similar.getByRole("link")).not.toHaveCount(0);
  await expect(similar.getByRole("link", { name: "Nash Learning from Human Feedback" })).toBeVisible();
  await expect(similar.getByText("human feedback").first()).toBeVisible();
  await similar.getByRole("link", { name: "Nash Learning from Human Feedback" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nash Learning from Human Feedback");
  await expect(
    page.getByRole("region", { name: "Similar papers" }).getByRole("link", { name: "Learning to summarize from human feedback" }),
  ).toBeVisible();
});

test("a paper that shares one word with others says it has no similar papers yet", async ({ request, page }) => {
  const response = await request.get("/api/papers/1604.08859");
  const body = (await response.json()) as { similar: { sharedTerms: string[] }[] };
  for (const similar of body.similar) expect(similar.sharedTerms.length).toBeGreaterThanOrEqual(2);
  await page.goto("/papers/1604.08859");
  const region = page.getByRole("region", { name: "Similar papers" });
  if (body.similar.length === 0) await expect(region.getByText("No similar papers yet.")).toBeVisible();
  else await expect(region.getByRole("link")).toHaveCount(Math.min(body.similar.length, 5));
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`similar papers pass axe in ${colorScheme} mode at 320 px`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto("/papers/2411.15124");
    await expect(page.getByRole("region", { name: "Similar papers" }).getByRole("link").first()).toBeVisible();
    const results = await new AxeBuilder({ page })
      .include("section[aria-labelledby=similar-heading]")
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    expect(results.violations.map((violation) => violation.id)).toEqual([]);
    // The section fits the narrow screen: nothing in it is wider than it, and it ends inside the viewport.
    const section = page.locator("section[aria-labelledby=similar-heading]");
    expect(await section.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0);
    const box = (await section.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(320);
  });
}
