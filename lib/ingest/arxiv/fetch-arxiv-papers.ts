import "server-only";

import type { PaperInput } from "@/lib/ingest/paper-input";

import type { IngestBatch } from "../ingest-batch";
import type { ArxivOptions } from "./arxiv-options";
import { entryToPaper } from "./entry-to-paper";
import { fetchArxivFeed } from "./fetch-arxiv-feed";

/** arXiv accepts long id lists, but a URL of a few hundred ids stays well inside every limit. */
const IDS_PER_REQUEST = 100;

/**
 * The latest version of each paper, by arXiv id (without version), in requests of up to 100 ids.
 * An id arXiv does not know simply has no entry in the answer; it is reported as a failure.
 */
export async function* fetchArxivPapers(
  ids: string[],
  options: ArxivOptions,
  source: PaperInput["source"] = "arxiv",
): AsyncGenerator<IngestBatch> {
  const unique = [...new Set(ids)];
  for (let offset = 0; offset < unique.length; offset += IDS_PER_REQUEST) {
    const chunk = unique.slice(offset, offset + IDS_PER_REQUEST);
    const feed = await fetchArxivFeed({ id_list: chunk.join(","), start: "0", max_results: String(chunk.length) }, options);
    const batch: IngestBatch = { papers: [], failures: [], total: unique.length };
    for (const entry of feed.entries) {
      const result = entryToPaper(entry, source);
      if (result.ok) batch.papers.push(result.paper);
      else batch.failures.push({ id: result.id, reason: result.reason });
    }
    const answered = new Set([...batch.papers.map((paper) => paper.arxivId), ...batch.failures.map((failure) => failure.id)]);
    for (const id of chunk) {
      if (!answered.has(id)) batch.failures.push({ id, reason: `arXiv has no paper ${id}` });
    }
    yield batch;
  }
}
