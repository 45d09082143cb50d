import { jsonRoute } from "@/lib/http/json-route";
import { searchParamsToObject } from "@/lib/http/search-params";
import { exportBibtex } from "@/lib/library/export-bibtex";
import { tagNameSchema } from "@/lib/library/library-query";
import { authenticateReader } from "@/lib/readers/authenticate-request";

/** The library, or one tag of it (`?tag=`), as a .bib file. */
export const GET = jsonRoute(async (request) => {
  const readerId = await authenticateReader(request, { write: false });
  const { tag } = searchParamsToObject(new URL(request.url).searchParams);
  const name = tag ? tagNameSchema.parse(tag) : undefined;
  const filename = `paperpulse-${name ? name.replace(/[^A-Za-z0-9-]+/g, "-").toLowerCase() || "tag" : "library"}.bib`;
  return new Response(await exportBibtex(readerId, name), {
    headers: {
      "content-type": "application/x-bibtex; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "private, no-store",
    },
  });
});
