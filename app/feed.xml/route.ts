import { env } from "@/lib/env";
import { renderAtomFeed } from "@/lib/feeds/render-atom-feed";
import { CACHE_POLICIES, cacheableResponse } from "@/lib/http/cacheable-response";
import { jsonRoute } from "@/lib/http/json-route";
import { searchParamsToObject } from "@/lib/http/search-params";
import { periodLabel, todayUtc } from "@/lib/papers/feed-period";
import { feedQuerySchema } from "@/lib/papers/feed-query";
import { getTrendingPapers } from "@/lib/papers/get-trending-papers";

/** The trending feed as Atom: `/feed.xml?period=day|week|month|all`. */
export const GET = jsonRoute(async (request) => {
  const url = new URL(request.url);
  const query = feedQuerySchema.pick({ period: true, date: true }).parse(searchParamsToObject(url.searchParams));
  const date = query.date ?? todayUtc();
  const { papers } = await getTrendingPapers({ period: query.period, date, limit: 50 });
  const params = new URLSearchParams({ period: query.period, ...(query.date && { date: query.date }) });
  const xml = renderAtomFeed({
    selfUrl: `${env.APP_URL}/feed.xml?${params}`,
    pageUrl: `${env.APP_URL}/?${params}`,
    title: `PaperPulse — trending papers, ${periodLabel(query.period, query.date).toLowerCase()}`,
    subtitle: "The papers researchers are reading, ranked by upvotes and recency.",
    appUrl: env.APP_URL,
    papers,
  });
  return cacheableResponse(request, xml, "application/atom+xml; charset=utf-8", CACHE_POLICIES.atom);
});
