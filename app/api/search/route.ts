import { CACHE_POLICIES, cacheableJson } from "@/lib/http/cacheable-response";
import { jsonRoute } from "@/lib/http/json-route";
import { searchParamsToObject } from "@/lib/http/search-params";
import { searchPapers } from "@/lib/search/search-papers";
import { apiSearchQuerySchema } from "@/lib/search/search-query";

export const GET = jsonRoute(async (request) => {
  const query = apiSearchQuerySchema.parse(searchParamsToObject(new URL(request.url).searchParams));
  const result = await searchPapers(query);
  const { q, category, from, to } = query;
  return cacheableJson(request, { query: { q, category, from, to, sort: result.sort }, ...result }, CACHE_POLICIES.search);
});
