import { NextResponse } from "next/server";

import { jsonRoute } from "@/lib/http/json-route";
import { searchParamsToObject } from "@/lib/http/search-params";
import { recommendationQuerySchema } from "@/lib/recommend/recommendation-query";
import { recommendFor } from "@/lib/recommend/recommend-for";

export const GET = jsonRoute(async (request) => {
  const query = recommendationQuerySchema.parse(searchParamsToObject(new URL(request.url).searchParams));
  const result = await recommendFor(query);
  return NextResponse.json({ query: { period: query.period, limit: query.limit }, ...result });
});
