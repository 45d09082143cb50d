import { env } from "@/lib/env";
import { renderAtomFeed } from "@/lib/feeds/render-atom-feed";
import { CACHE_POLICIES, cacheableResponse } from "@/lib/http/cacheable-response";
import { AppError } from "@/lib/http/app-error";
import { jsonRoute } from "@/lib/http/json-route";
import { searchParamsToObject } from "@/lib/http/search-params";
import { searchPapers } from "@/lib/search/search-papers";
import { searchQuerySchema } from "@/lib/search/search-query";

/** Any search as Atom, newest first: `/search/feed.xml?q=diffusion&category=cs.CV`. */
export const GET = jsonRoute(async (request) => {
  const url = new URL(request.url);
  const query = searchQuerySchema.parse(searchParamsToObject(url.searchParams));
  if (!query.q && !query.category) throw new AppError("bad_request", "A search feed needs q or category.");
  const { papers } = await searchPapers({ ...query, sort: "newest", cursor: undefined, limit: 50 });
  const params = new URLSearchParams({ ...(query.q && { q: query.q }), ...(query.category && { category: query.category }) });
  const label = [query.q, query.category].filter(Boolean).join(" · ");
  const xml = renderAtomFeed({
    selfUrl: `${env.APP_URL}/search/feed.xml?${params}`,
    pageUrl: `${env.APP_URL}/search?${params}&sort=newest`,
    title: `PaperPulse — ${label}`,
    subtitle: `New papers matching ${label}.`,
    appUrl: env.APP_URL,
    papers,
  });
  return cacheableResponse(request, xml, "application/atom+xml; charset=utf-8", CACHE_POLICIES.atom);
});
