import type { Page } from "@playwright/test";

/** Every element whose right edge passes the viewport, for a readable failure (typeset math scrolls inside its own box). */
export async function overflowing(page: Page): Promise<{ scrollWidth: number; viewport: number; culprits: string[] }> {
  return page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    const culprits = [...document.querySelectorAll("body *")]
      .filter((element) => element.getBoundingClientRect().right > viewport + 0.5 && element.closest("[hidden], .sr-only, .katex") === null)
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}: ${(element.textContent ?? "").trim().slice(0, 40)}`);
    return { scrollWidth: document.documentElement.scrollWidth, viewport, culprits };
  });
}
