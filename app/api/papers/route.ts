import { CACHE_POLICIES, cacheableJson } from "@/lib/http/cacheable-response";
import { jsonRoute } from "@/lib/http/json-route";
import { searchParamsToObject } from "@/lib/http/search-params";
import { todayUtc } from "@/lib/papers/feed-period";
import { feedQuerySchema } from "@/lib/papers/feed-query";
import { getTrendingPapers } from "@/lib/papers/get-trending-papers";
import { plainText } from "@/lib/text/plain-text";

export const GET = jsonRoute(async (request) => {
  const query = feedQuerySchema.parse(searchParamsToObject(new URL(request.url).searchParams));
  const date = query.date ?? todayUtc();
  const page = await getTrendingPapers({ ...query, date });
  // API clients get readable text: TeX math and markup as Unicode.
  const papers = page.papers.map((paper) => ({
    ...paper,
    title: plainText(paper.title),
    abstractPreview: plainText(paper.abstractPreview),
  }));
  return cacheableJson(request, { period: query.period, date, ...page, papers }, CACHE_POLICIES.trending);
});
