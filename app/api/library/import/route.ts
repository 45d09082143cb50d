import { NextResponse } from "next/server";

import { jsonRoute } from "@/lib/http/json-route";
import { searchParamsToObject } from "@/lib/http/search-params";
import { splitTags, tagNameSchema } from "@/lib/library/library-query";
import { readBodyBytes, runImport } from "@/lib/library/read-import";
import { authenticateReader } from "@/lib/readers/authenticate-request";

/**
 * Imports the body (a BibTeX or RIS file, up to 2 MB) into the library; `?tag=` tags every
 * imported paper. With `Content-Type: text/plain` the body is read as pasted ids and links.
 */
export const POST = jsonRoute(async (request) => {
  const readerId = await authenticateReader(request, { write: true });
  const { tag } = searchParamsToObject(new URL(request.url).searchParams);
  const tags = tagNameSchema
    .array()
    .max(20)
    .parse(splitTags(tag ?? ""));
  const bytes = await readBodyBytes(request);
  const pasted = request.headers.get("content-type")?.toLowerCase().startsWith("text/plain");
  const summary = pasted
    ? await runImport(readerId, { paste: new TextDecoder().decode(bytes), tags })
    : await runImport(readerId, { file: bytes, tags });
  return NextResponse.json(summary);
});
