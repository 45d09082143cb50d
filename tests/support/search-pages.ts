import { searchPapers, type SearchHit } from "@/lib/search/search-papers";
import { searchQuerySchema } from "@/lib/search/search-query";

/** Every result of a search by relevance, `limit` a page, following nextCursor. */
export async function everyPage(q: string, limit: number): Promise<SearchHit[]> {
  const hits: SearchHit[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 50; page++) {
    const result = await searchPapers(searchQuerySchema.parse({ q, limit: String(limit), ...(cursor && { cursor }) }));
    hits.push(...result.papers);
    if (!result.nextCursor) return hits;
    cursor = result.nextCursor;
  }
  throw new Error("paging did not end");
}
