import "server-only";

import { parseArxivId } from "@/lib/papers/arxiv-id";

import { arxivOptions, type ArxivOptions } from "./arxiv/arxiv-options";
import { fetchArxivPapers } from "./arxiv/fetch-arxiv-papers";
import type { IngestBatch } from "./ingest-batch";
import type { PaperInput } from "./paper-input";
import { runIngest, type IngestProgress, type IngestSummary } from "./run-ingest";

async function* byIds(inputs: string[], options: ArxivOptions, source: PaperInput["source"]): AsyncGenerator<IngestBatch> {
  const ids: string[] = [];
  const invalid: IngestBatch = { papers: [], failures: [], total: inputs.length };
  for (const input of inputs) {
    const parsed = parseArxivId(input);
    if (parsed) ids.push(parsed.id);
    else invalid.failures.push({ id: input, reason: `${JSON.stringify(input)} is not an arXiv id or URL` });
  }
  if (invalid.failures.length > 0) yield invalid;
  for await (const batch of fetchArxivPapers(ids, options, source)) yield { ...batch, total: inputs.length };
}

/** Papers by arXiv id or URL (arxiv.org, huggingface.co/papers, PDF links), in their latest version. */
export function ingestArxivIds(
  inputs: string[],
  onProgress?: (progress: IngestProgress) => void,
  options: ArxivOptions = arxivOptions(),
  source: PaperInput["source"] = "arxiv",
): Promise<IngestSummary> {
  return runIngest(byIds(inputs, options, source), onProgress);
}
