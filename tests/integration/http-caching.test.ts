// CDN-ready answers: public reads say how long shared caches keep them, carry an ETag and answer
// a matching If-None-Match with 304; errors and personal answers are never stored.
import { describe, expect, it } from "vitest";

const papersRoute = await import("@/app/api/papers/route");
const paperRoute = await import("@/app/api/papers/[...arxivId]/route");
const searchRoute = await import("@/app/api/search/route");
const suggestRoute = await import("@/app/api/search/suggest/route");
const feedRoute = await import("@/app/feed.xml/route");
const searchFeedRoute = await import("@/app/(site)/search/feed.xml/route");
const sitemapRoute = await import("@/app/sitemap.xml/route");
const sitemapFileRoute = await import("@/app/sitemaps/[file]/route");
const unsubscribeRoute = await import("@/app/api/subscriptions/unsubscribe/route");
const { db } = await import("@/lib/db");

const [seedPaper] = await db.paper.findMany({ select: { arxivId: true }, take: 1, orderBy: { id: "asc" } });
const arxivId = seedPaper!.arxivId;

type Target = { name: string; call: (headers: Record<string, string>) => Promise<Response>; sharedSeconds: number };

const at = (path: string, headers: Record<string, string>) => new Request(`http://localhost:3000${path}`, { headers });
const targets: Target[] = [
  { name: "GET /api/papers", call: (h) => papersRoute.GET(at("/api/papers?period=all&limit=5", h), undefined), sharedSeconds: 10 },
  {
    name: "GET /api/papers/{id}",
    call: (h) => paperRoute.GET(at(`/api/papers/${arxivId}`, h), { params: Promise.resolve({ arxivId: [arxivId] }) }),
    sharedSeconds: 5,
  },
  { name: "GET /api/search", call: (h) => searchRoute.GET(at("/api/search?q=learning", h), undefined), sharedSeconds: 60 },
  { name: "GET /api/search/suggest", call: (h) => suggestRoute.GET(at("/api/search/suggest?q=lea", h), undefined), sharedSeconds: 300 },
  { name: "GET /feed.xml", call: (h) => feedRoute.GET(at("/feed.xml?period=all", h), undefined), sharedSeconds: 300 },
  { name: "GET /search/feed.xml", call: (h) => searchFeedRoute.GET(at("/search/feed.xml?q=learning", h), undefined), sharedSeconds: 300 },
  { name: "GET /sitemap.xml", call: (h) => sitemapRoute.GET(at("/sitemap.xml", h), undefined), sharedSeconds: 3_600 },
  {
    name: "GET /sitemaps/0.xml",
    call: (h) => sitemapFileRoute.GET(at("/sitemaps/0.xml", h), { params: Promise.resolve({ file: "0.xml" }) }),
    sharedSeconds: 3_600,
  },
];

describe.each(targets)("$name", ({ call, sharedSeconds }) => {
  it("is cacheable by shared caches, with stale-while-revalidate", async () => {
    const response = await call({});
    expect(response.status).toBe(200);
    const cacheControl = response.headers.get("cache-control") ?? "";
    expect(cacheControl).toMatch(/^public, /);
    expect(cacheControl).toContain(`s-maxage=${sharedSeconds}`);
    expect(cacheControl).toMatch(/stale-while-revalidate=\d+/);
  });

  it("answers 304 to the ETag it gave, and the full body to any other", async () => {
    const first = await call({});
    const tag = first.headers.get("etag");
    expect(tag).toMatch(/^"[\w-]+"$/);
    const body = await first.text();

    const revalidated = await call({ "if-none-match": tag! });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get("etag")).toBe(tag);
    expect(await revalidated.text()).toBe("");

    const stale = await call({ "if-none-match": '"an-older-version"' });
    expect(stale.status).toBe(200);
    expect(await stale.text()).toBe(body);
  });
});

describe("answers no cache may keep", () => {
  it("errors: bad input and unknown papers", async () => {
    const bad = await papersRoute.GET(at("/api/papers?limit=1000", {}), undefined);
    expect(bad.status).toBe(400);
    expect(bad.headers.get("cache-control")).toBe("private, no-store");
    expect(bad.headers.get("etag")).toBeNull();
    const missing = await paperRoute.GET(at("/api/papers/2901.99999", {}), { params: Promise.resolve({ arxivId: ["2901.99999"] }) });
    expect(missing.status).toBe(404);
    expect(missing.headers.get("cache-control")).toBe("private, no-store");
  });

  it("a tokenised unsubscribe", async () => {
    const response = await unsubscribeRoute.POST(
      new Request("http://localhost:3000/api/subscriptions/unsubscribe?token=x", { method: "POST" }),
      undefined,
    );
    expect(response.headers.get("cache-control")).toBe("private, no-store");
  });
});
