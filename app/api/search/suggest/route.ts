import { CACHE_POLICIES, cacheableJson } from "@/lib/http/cacheable-response";
import { jsonRoute } from "@/lib/http/json-route";
import { searchParamsToObject } from "@/lib/http/search-params";
import { suggestCompletions } from "@/lib/search/suggest-completions";
import { suggestQuerySchema } from "@/lib/search/suggest-query";

export const GET = jsonRoute(async (request) => {
  const { q } = suggestQuerySchema.parse(searchParamsToObject(new URL(request.url).searchParams));
  const suggestions = await suggestCompletions(q);
  return cacheableJson(request, { q, suggestions }, CACHE_POLICIES.suggest);
});
