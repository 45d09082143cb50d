import { cookies } from "next/headers";
import { NextResponse } from "next/server";

import { PRIVATE_NO_STORE } from "@/lib/http/cacheable-response";
import { jsonRoute } from "@/lib/http/json-route";
import { searchParamsToObject } from "@/lib/http/search-params";
import { VOTER_COOKIE, voterHashFromToken } from "@/lib/papers/voter-token";
import { getCurrentReader } from "@/lib/readers/current-reader";
import { readerVoterHash } from "@/lib/readers/reader-voter";
import { viewerQuerySchema } from "@/lib/readers/viewer-query";
import { loadViewerState } from "@/lib/readers/viewer-state";

/** The visitor's own state on a page served from the page cache (components/viewer-state.ts asks). */
export const GET = jsonRoute(async (request) => {
  const { papers } = viewerQuerySchema.parse(searchParamsToObject(new URL(request.url).searchParams));
  const reader = await getCurrentReader();
  const voterHash = reader ? readerVoterHash(reader.readerId) : voterHashFromToken((await cookies()).get(VOTER_COOKIE)?.value);
  const state = await loadViewerState(reader?.readerId ?? null, voterHash, papers);
  return NextResponse.json(state, { headers: { "Cache-Control": PRIVATE_NO_STORE } });
});
