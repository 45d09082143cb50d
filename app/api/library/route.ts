import { NextResponse } from "next/server";

import { jsonRoute } from "@/lib/http/json-route";
import { readJsonBody } from "@/lib/http/read-json-body";
import { searchParamsToObject } from "@/lib/http/search-params";
import { saveRequestSchema } from "@/lib/library/library-input";
import { libraryQuerySchema } from "@/lib/library/library-query";
import { getLibrarySummary } from "@/lib/library/library-summary";
import { listLibrary } from "@/lib/library/list-library";
import { savePapers } from "@/lib/library/save-papers";
import { addTags } from "@/lib/library/tag-papers";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { authenticateReader } from "@/lib/readers/authenticate-request";
import { LIBRARY_WRITES_PER_READER } from "@/lib/readers/rate-limits";

/** A page of the library with its tags and their counts. */
export const GET = jsonRoute(async (request) => {
  const readerId = await authenticateReader(request, { write: false });
  const query = libraryQuerySchema.parse(searchParamsToObject(new URL(request.url).searchParams));
  const [page, summary] = await Promise.all([listLibrary(readerId, query), getLibrarySummary(readerId)]);
  return NextResponse.json({ ...page, total: summary.total, tags: summary.tags });
});

/** Saves papers (by id or link) and tags them; saving a saved paper changes nothing. */
export const POST = jsonRoute(async (request) => {
  const readerId = await authenticateReader(request, { write: true });
  await consumeRateLimit(LIBRARY_WRITES_PER_READER, String(readerId));
  const input = saveRequestSchema.parse(await readJsonBody(request, 100_000));
  const outcome = await savePapers(readerId, input.arxivIds);
  await addTags(readerId, [...outcome.saved, ...outcome.alreadySaved], input.tags);
  return NextResponse.json(outcome, { status: outcome.saved.length ? 201 : 200 });
});
