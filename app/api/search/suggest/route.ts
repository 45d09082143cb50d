import { NextResponse } from "next/server";

import { jsonRoute } from "@/lib/http/json-route";
import { searchParamsToObject } from "@/lib/http/search-params";
import { suggestCompletions } from "@/lib/search/suggest-completions";
import { suggestQuerySchema } from "@/lib/search/suggest-query";

export const GET = jsonRoute(async (request) => {
  const { q } = suggestQuerySchema.parse(searchParamsToObject(new URL(request.url).searchParams));
  const suggestions = await suggestCompletions(q);
  // Keystrokes repeat the same prefixes; a short shared cache takes most of them off the database.
  return NextResponse.json({ q, suggestions }, { headers: { "Cache-Control": "public, max-age=60" } });
});
