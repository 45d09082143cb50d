import { describe, expect, it } from "vitest";

import { GET as searchFeed } from "@/app/(site)/search/feed.xml/route";
import { GET as atomFeed } from "@/app/feed.xml/route";
import { GET as sitemapIndex } from "@/app/sitemap.xml/route";
import { GET as sitemapFile } from "@/app/sitemaps/[file]/route";
import robots from "@/app/robots";

describe("feeds and crawler files", () => {
  it("serves trending papers as Atom, per period", async () => {
    const response = await atomFeed(new Request("http://localhost/feed.xml?period=all"), undefined);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const xml = await response.text();
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    expect(xml.match(/<entry>/g)?.length).toBeGreaterThanOrEqual(50);
    expect(xml).toContain("http://localhost:3000/papers/");
  });

  it("serves any search as Atom, newest first", async () => {
    const response = await searchFeed(new Request("http://localhost/search/feed.xml?q=reasoning&category=cs.CL"), undefined);
    expect(response.status).toBe(200);
    const xml = await response.text();
    expect(xml).toContain("<title>PaperPulse — reasoning · cs.CL</title>");
    expect(xml).toContain('href="http://localhost:3000/search/feed.xml?q=reasoning&amp;category=cs.CL"');
    expect(xml).toContain("<id>https://arxiv.org/abs/2502.03387</id>");
    const empty = await searchFeed(new Request("http://localhost/search/feed.xml"), undefined);
    expect(empty.status).toBe(400);
  });

  it("answers a bad period with 400", async () => {
    const response = await atomFeed(new Request("http://localhost/feed.xml?period=decade"), undefined);
    expect(response.status).toBe(400);
  });

  it("indexes sitemap files of at most 50,000 papers, each listing its papers", async () => {
    const index = await (await sitemapIndex(new Request("http://localhost/sitemap.xml"), undefined)).text();
    expect(index).toContain("<loc>http://localhost:3000/sitemaps/0.xml</loc>");
    const file = await sitemapFile(new Request("http://localhost/sitemaps/0.xml"), { params: Promise.resolve({ file: "0.xml" }) });
    expect(file.status).toBe(200);
    expect(await file.text()).toContain("<loc>http://localhost:3000/papers/2403.15706</loc>");
    const missing = await sitemapFile(new Request("http://localhost/sitemaps/99.xml"), { params: Promise.resolve({ file: "99.xml" }) });
    expect(missing.status).toBe(404);
    const junk = await sitemapFile(new Request("http://localhost/sitemaps/x"), { params: Promise.resolve({ file: "../etc" }) });
    expect(junk.status).toBe(400);
  });

  it("keeps personal pages out of search engines and points crawlers at the sitemap", () => {
    const rules = robots();
    expect(rules.sitemap).toBe("http://localhost:3000/sitemap.xml");
    expect(JSON.stringify(rules.rules)).toContain("/unsubscribe");
  });
});
