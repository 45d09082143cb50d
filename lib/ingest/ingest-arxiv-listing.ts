import "server-only";

import { arxivListing, type ListingQuery } from "./arxiv/arxiv-listing";
import { arxivOptions, type ArxivOptions } from "./arxiv/arxiv-options";
import { runIngest, type IngestProgress, type IngestSummary } from "./run-ingest";

/** New and updated papers in the arXiv categories over the date range, page by page. */
export function ingestArxivListing(
  query: ListingQuery,
  onProgress?: (progress: IngestProgress) => void,
  options: ArxivOptions = arxivOptions(),
): Promise<IngestSummary> {
  return runIngest(arxivListing(query, options), onProgress);
}
