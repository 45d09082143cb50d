import { CACHE_POLICIES, cacheableJson } from "@/lib/http/cacheable-response";
import { jsonRoute } from "@/lib/http/json-route";
import { searchParamsToObject } from "@/lib/http/search-params";
import { searchPapers } from "@/lib/search/search-papers";
import { apiSearchQuerySchema } from "@/lib/search/search-query";
import { plainHighlight } from "@/lib/text/plain-highlight";
import { plainText } from "@/lib/text/plain-text";

export const GET = jsonRoute(async (request) => {
  const query = apiSearchQuerySchema.parse(searchParamsToObject(new URL(request.url).searchParams));
  const result = await searchPapers(query);
  const { q, category, from, to } = query;
  // The site typesets TeX; API clients get it as readable text, as from /api/papers.
  const papers = result.papers.map((paper) => ({
    ...paper,
    title: plainText(paper.title),
    abstractPreview: plainText(paper.abstractPreview),
    highlights: { title: plainHighlight(paper.highlights.title), abstract: plainHighlight(paper.highlights.abstract) },
  }));
  return cacheableJson(request, { query: { q, category, from, to, sort: result.sort }, ...result, papers }, CACHE_POLICIES.search);
});
