import { NextResponse } from "next/server";

import { forYouQuerySchema } from "@/lib/for-you/for-you-query";
import { recommendForReader } from "@/lib/for-you/recommend-for-reader";
import { PRIVATE_NO_STORE } from "@/lib/http/cacheable-response";
import { jsonRoute } from "@/lib/http/json-route";
import { searchParamsToObject } from "@/lib/http/search-params";
import { authenticateReader } from "@/lib/readers/authenticate-request";

/** `/api/recommendations` for the signed-in reader's own library and ratings. */
export const GET = jsonRoute(async (request) => {
  const readerId = await authenticateReader(request, { write: false });
  const query = forYouQuerySchema.parse(searchParamsToObject(new URL(request.url).searchParams));
  const { taste, ...result } = await recommendForReader(readerId, query);
  return NextResponse.json({ query, ...result }, { headers: { "Cache-Control": PRIVATE_NO_STORE } });
});
