import "server-only";

import type { IngestBatch } from "../ingest-batch";
import { IngestError } from "../ingest-error";
import type { ArxivOptions } from "./arxiv-options";
import { entryToPaper } from "./entry-to-paper";
import { fetchArxivFeed } from "./fetch-arxiv-feed";

export type ListingQuery = { categories: string[]; from: Date; to: Date };

/** YYYYMMDDHHMM in GMT, the form arXiv's submittedDate range takes. */
function arxivTimestamp(date: Date): string {
  return date.toISOString().slice(0, 16).replace(/[-T:]/g, "");
}

export function listingSearchQuery({ categories, from, to }: ListingQuery): string {
  const byCategory = categories.map((category) => `cat:${category}`).join(" OR ");
  return `(${byCategory}) AND submittedDate:[${arxivTimestamp(from)} TO ${arxivTimestamp(to)}]`;
}

/**
 * Papers submitted to the categories in the date range, one page per request, oldest first so that
 * pages stay stable while new submissions arrive. The API sometimes answers a page with no entries
 * before the end; that page is asked for again before giving up.
 */
export async function* arxivListing(query: ListingQuery, options: ArxivOptions): AsyncGenerator<IngestBatch> {
  const searchQuery = listingSearchQuery(query);
  let start = 0;
  let emptyPages = 0;
  for (;;) {
    const feed = await fetchArxivFeed(
      {
        search_query: searchQuery,
        start: String(start),
        max_results: String(options.pageSize),
        sortBy: "submittedDate",
        sortOrder: "ascending",
      },
      options,
    );
    if (feed.entries.length === 0) {
      if (start >= feed.totalResults) return;
      if (++emptyPages > options.retries) {
        throw new IngestError(`arXiv API returned no entries at ${start} of ${feed.totalResults} results, ${emptyPages} times`);
      }
      continue;
    }
    emptyPages = 0;
    const batch: IngestBatch = { papers: [], failures: [], total: feed.totalResults };
    for (const entry of feed.entries) {
      const result = entryToPaper(entry, "arxiv");
      if (result.ok) batch.papers.push(result.paper);
      else batch.failures.push({ id: result.id, reason: result.reason });
    }
    yield batch;
    start += feed.entries.length;
    if (start >= feed.totalResults) return;
  }
}
