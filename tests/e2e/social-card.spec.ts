import { expect, test } from "@playwright/test";

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(body: Buffer): { width: number; height: number } {
  expect(body.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  return { width: body.readUInt32BE(16), height: body.readUInt32BE(20) };
}

test("a paper page's og:image and twitter:image are its social card, a 1200×630 PNG cached until the paper changes", async ({
  page,
  baseURL,
}) => {
  await page.goto("/papers/2411.15124");
  const image = await page.locator('meta[property="og:image"]').getAttribute("content");
  expect(image).toMatch(new RegExp(`^${baseURL}/cards/2411\\.15124\\?v=[\\w-]{12}$`));
  expect(await page.locator('meta[name="twitter:image"]').getAttribute("content")).toBe(image);
  expect(await page.locator('meta[name="twitter:card"]').getAttribute("content")).toBe("summary_large_image");
  expect(await page.locator('meta[property="og:image:width"]').getAttribute("content")).toBe("1200");

  const card = await page.request.get(image!);
  expect(card.status()).toBe(200);
  expect(card.headers()["content-type"]).toBe("image/png");
  expect(card.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect(pngSize(await card.body())).toEqual({ width: 1200, height: 630 });

  // Without the current version (an old or hand-made link) the card is fresh for an hour only.
  const unversioned = await page.request.get("/cards/2411.15124?v=old");
  expect(unversioned.headers()["cache-control"]).toBe("public, max-age=3600");
  expect((await page.request.get("/cards/2403.99999")).status()).toBe(404);
  expect((await page.request.get("/cards/not-an-id")).status()).toBe(400);
});

test("other pages share the site's card", async ({ page }) => {
  await page.goto("/search?q=language+models");
  const image = await page.locator('meta[property="og:image"]').getAttribute("content");
  expect(image).toContain("/opengraph-image");
  const card = await page.request.get(image!);
  expect(card.headers()["content-type"]).toBe("image/png");
  expect(pngSize(await card.body())).toEqual({ width: 1200, height: 630 });
});
