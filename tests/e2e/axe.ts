import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** Light and dark. The outbox's sandboxed email preview runs no scripts, so axe cannot enter it. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
      .exclude("iframe")
      .analyze();
    expect(
      results.violations.map(
        (violation) => `${colorScheme} ${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
      ),
    ).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: "light" });
}
