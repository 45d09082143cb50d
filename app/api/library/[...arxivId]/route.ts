import { NextResponse } from "next/server";

import { AppError } from "@/lib/http/app-error";
import { jsonRoute } from "@/lib/http/json-route";
import { readJsonBody } from "@/lib/http/read-json-body";
import { tagsRequestSchema } from "@/lib/library/library-input";
import { removePapers } from "@/lib/library/save-papers";
import { setPaperTags } from "@/lib/library/tag-papers";
import { arxivIdFromSegments } from "@/lib/papers/arxiv-id-param";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { authenticateReader } from "@/lib/readers/authenticate-request";
import { LIBRARY_WRITES_PER_READER } from "@/lib/readers/rate-limits";

type Context = { params: Promise<{ arxivId: string[] }> };

async function target(request: Request, context: Context): Promise<{ readerId: number; arxivId: string }> {
  const readerId = await authenticateReader(request, { write: true });
  await consumeRateLimit(LIBRARY_WRITES_PER_READER, String(readerId));
  const arxivId = arxivIdFromSegments((await context.params).arxivId);
  if (!arxivId) throw new AppError("bad_request", "That is not an arXiv id (expected e.g. 2403.15706).");
  return { readerId, arxivId: arxivId.id };
}

/** Replaces a saved paper's tags: `{"tags": ["to read"]}`. */
export const POST = jsonRoute<Context>(async (request, context) => {
  const { readerId, arxivId } = await target(request, context);
  const { tags } = tagsRequestSchema.parse(await readJsonBody(request, 10_000));
  if (!(await setPaperTags(readerId, arxivId, tags))) throw new AppError("not_found", `${arxivId} is not in your library.`);
  return NextResponse.json({ arxivId, tags });
});

/** Removes a paper from the library; removing one that is not there is not an error. */
export const DELETE = jsonRoute<Context>(async (request, context) => {
  const { readerId, arxivId } = await target(request, context);
  const removed = await removePapers(readerId, [arxivId]);
  return NextResponse.json({ arxivId, removed: removed > 0 });
});
