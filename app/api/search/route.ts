import { NextResponse } from "next/server";

import { jsonRoute } from "@/lib/http/json-route";
import { searchParamsToObject } from "@/lib/http/search-params";
import { searchPapers } from "@/lib/search/search-papers";
import { apiSearchQuerySchema } from "@/lib/search/search-query";

export const GET = jsonRoute(async (request) => {
  const query = apiSearchQuerySchema.parse(searchParamsToObject(new URL(request.url).searchParams));
  const result = await searchPapers(query);
  const { q, category, from, to } = query;
  return NextResponse.json({ query: { q, category, from, to, sort: result.sort }, ...result });
});
