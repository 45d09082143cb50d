import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * Cards fade their colours (`transition`): after a switch of scheme axe must see the new colours,
 * not a blend. Transitions only: a spinner's endless animation never finishes.
 */
export async function colourTransitionsDone(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation instanceof CSSTransition)
        // A transition cut short by another change rejects; the one that replaced it is in the list.
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
}

/**
 * Light then dark, on the page as loaded. Soft, so a failure in light mode still shows dark mode's.
 * Frames are left out unless `frames`: the outbox's sandboxed email preview runs no scripts, so axe
 * cannot enter it.
 */
export async function expectNoAxeViolations(page: Page, { frames = false } = {}): Promise<void> {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await colourTransitionsDone(page);
    const axe = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]);
    const results = await (frames ? axe : axe.exclude("iframe")).analyze();
    expect
      .soft(
        results.violations.map(
          (violation) => `${colorScheme} ${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
        ),
      )
      .toEqual([]);
  }
  await page.emulateMedia({ colorScheme: "light" });
}
