import { expect, test } from "@playwright/test";

test("math in an abstract is typeset on the server with self-hosted fonts, and the CSP reports nothing", async ({ page, baseURL }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const fonts: { url: string; status: number }[] = [];
  page.on("response", (response) => {
    if (/\.woff2?$/.test(new URL(response.url()).pathname)) fonts.push({ url: response.url(), status: response.status() });
  });

  await page.goto("/papers/2408.11029");
  const math = page.getByRole("region", { name: "Abstract" }).locator(".katex").first();
  await expect(math).toBeVisible();
  await expect(math.locator("annotation")).toHaveText(/^L\(s\) = L_0/);
  // Typeset on the server: no KaTeX code reaches the browser, only its markup and stylesheet.
  const scripts = await page.locator("script[src]").evaluateAll((elements) => elements.map((element) => element.getAttribute("src") ?? ""));
  for (const src of scripts) expect((await (await page.request.get(src)).text()).includes("KaTeX parse error")).toBe(false);
  await page.evaluate(() => document.fonts.ready);
  expect(await page.evaluate(() => document.fonts.check("16px KaTeX_Math"))).toBe(true);
  expect(fonts.length).toBeGreaterThan(0);
  for (const font of fonts) {
    expect(font.url.startsWith(`${baseURL}/`)).toBe(true);
    expect(font.status).toBe(200);
  }
  expect(violations).toEqual([]);
});

test("TeX accents in an abstract read as letters, and a GitHub link in it is the paper's code link", async ({ page }) => {
  await page.goto("/papers/2411.15124");
  const abstract = page.getByRole("region", { name: "Abstract" });
  await expect(abstract).toContainText("TÜLU 3");
  await expect(abstract).not.toContainText('T\\"ULU');

  await page.goto("/papers/2502.03387");
  const link = page.getByRole("region", { name: "Abstract" }).getByRole("link", { name: "https://github.com/GAIR-NLP/LIMO" });
  await expect(link).toHaveAttribute("href", "https://github.com/GAIR-NLP/LIMO");
  await expect(link).toHaveAttribute("rel", "nofollow noopener");
  await expect(page.getByRole("link", { name: /^Code/ })).toHaveAttribute("href", "https://github.com/GAIR-NLP/LIMO");
});
