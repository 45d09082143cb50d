import { escapeXml } from "./render-atom-feed";

/** A sitemap index (sitemaps.org) pointing at each sitemap file. */
export function renderSitemapIndex(sitemapUrls: string[]): string {
  const entries = sitemapUrls.map((url) => `  <sitemap><loc>${escapeXml(url)}</loc></sitemap>`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...entries,
    "</sitemapindex>",
    "",
  ].join("\n");
}

export function renderSitemap(urls: { loc: string; lastModified?: Date }[]): string {
  const entries = urls.map(({ loc, lastModified }) =>
    lastModified
      ? `  <url><loc>${escapeXml(loc)}</loc><lastmod>${lastModified.toISOString()}</lastmod></url>`
      : `  <url><loc>${escapeXml(loc)}</loc></url>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...entries,
    "</urlset>",
    "",
  ].join("\n");
}
