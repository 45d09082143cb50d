import { NextResponse } from "next/server";

import { clientIp } from "@/lib/http/client-ip";
import { jsonRoute } from "@/lib/http/json-route";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { previewTopicPapers } from "@/lib/subscribers/preview-topic-papers";
import { PREVIEW_PER_IP } from "@/lib/subscribers/rate-limits";
import { previewQuerySchema } from "@/lib/subscribers/subscription-input";

/**
 * The recent papers a set of topics would pick: `?topics=…&categories=…&authors=…`, each repeatable;
 * with none, the trending papers a digest without topics brings (`trending: true`).
 */
export const GET = jsonRoute(async (request) => {
  const params = new URL(request.url).searchParams;
  const query = previewQuerySchema.parse({
    topics: params.getAll("topics"),
    categories: params.getAll("categories"),
    authors: params.getAll("authors"),
    limit: params.get("limit") ?? undefined,
  });
  await consumeRateLimit(PREVIEW_PER_IP, clientIp(request.headers));
  return NextResponse.json(await previewTopicPapers(query, query.limit));
});
