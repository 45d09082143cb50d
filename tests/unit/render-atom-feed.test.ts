import { describe, expect, it } from "vitest";

import { escapeXml, renderAtomFeed } from "@/lib/feeds/render-atom-feed";
import { renderSitemap, renderSitemapIndex } from "@/lib/feeds/render-sitemap";
import type { PaperCard } from "@/lib/papers/paper-card";

const paper: PaperCard = {
  id: 1,
  arxivId: "2502.03387",
  title: `Less <b>is</b> "More" & co`,
  abstractPreview: "An abstract\u0000 with a NUL.",
  authors: ["Zoë <script>"],
  authorCount: 1,
  publishedOn: null,
  listedOn: "2025-02-01",
  primaryCategory: "cs.CL",
  categories: ["cs.CL"],
  upvotes: 3,
  trendingScore: 1,
};

const feedOf = (papers: PaperCard[]) =>
  renderAtomFeed({
    selfUrl: "https://pp.example/feed.xml?period=week&date=2025-02-10",
    pageUrl: "https://pp.example/?period=week",
    title: "Trending",
    subtitle: "Papers",
    appUrl: "https://pp.example",
    papers,
  });

describe("Atom feed", () => {
  const xml = feedOf([paper]);

  it("escapes markup in titles and names and drops characters XML cannot carry", () => {
    expect(xml).toContain("<title>Less &lt;b&gt;is&lt;/b&gt; &quot;More&quot; &amp; co</title>");
    expect(xml).toContain("<name>Zoë &lt;script&gt;</name>");
    expect(xml).toContain("<summary>An abstract with a NUL.</summary>");
    expect(xml).not.toContain("\u0000");
    expect(xml).toContain('href="https://pp.example/feed.xml?period=week&amp;date=2025-02-10"');
  });

  it("links each entry to our paper page and identifies it by its arXiv URL", () => {
    expect(xml).toContain('<link rel="alternate" type="text/html" href="https://pp.example/papers/2502.03387"/>');
    expect(xml).toContain("<id>https://arxiv.org/abs/2502.03387</id>");
    expect(xml).toContain("<updated>2025-02-01T00:00:00Z</updated>");
  });

  it("gives every entry an author, as RFC 4287 requires, and carries TeX as plain text", () => {
    const anonymous = feedOf([
      {
        ...paper,
        title: 'Bounds in $\\mathcal{O}(n^2)$ for T\\"ULU',
        abstractPreview: "We show $\\alpha \\leq 1$.",
        authors: [],
        authorCount: 0,
      },
    ]);
    expect(anonymous).toContain("<author><name>Authors not listed</name></author>");
    expect(anonymous).toContain("<title>Bounds in O(n²) for TÜLU</title>");
    expect(anonymous).toContain("<summary>We show α ≤ 1.</summary>");
  });

  it("escapes all five XML specials", () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;");
  });
});

describe("sitemaps", () => {
  it("lists files in an index and pages with their last change", () => {
    expect(renderSitemapIndex(["https://pp.example/sitemaps/0.xml"])).toContain(
      "<sitemap><loc>https://pp.example/sitemaps/0.xml</loc></sitemap>",
    );
    expect(renderSitemap([{ loc: "https://pp.example/papers/1?a&b", lastModified: new Date("2025-01-02T03:04:05Z") }])).toContain(
      "<url><loc>https://pp.example/papers/1?a&amp;b</loc><lastmod>2025-01-02T03:04:05.000Z</lastmod></url>",
    );
  });
});
