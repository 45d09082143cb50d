import { env } from "@/lib/env";
import { renderSitemapIndex } from "@/lib/feeds/render-sitemap";
import { CACHE_POLICIES, cacheableResponse } from "@/lib/http/cacheable-response";
import { jsonRoute } from "@/lib/http/json-route";
import { countSitemapPages } from "@/lib/papers/list-sitemap-papers";

// Built at request time, with the running server's APP_URL and today's number of papers.
export const dynamic = "force-dynamic";

export const GET = jsonRoute(async (request) => {
  const pages = await countSitemapPages();
  const urls = Array.from({ length: pages }, (_, page) => `${env.APP_URL}/sitemaps/${page}.xml`);
  return cacheableResponse(request, renderSitemapIndex(urls), "application/xml; charset=utf-8", CACHE_POLICIES.sitemap);
});
