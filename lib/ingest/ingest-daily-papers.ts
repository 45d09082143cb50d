import "server-only";

import { fetchDailyPapers } from "./huggingface/fetch-daily-papers";
import { hfOptions, type HfOptions } from "./huggingface/hf-options";
import { runIngest, type IngestProgress, type IngestSummary } from "./run-ingest";

/** The papers on Hugging Face's daily papers for a day (YYYY-MM-DD), with their upvotes and code. */
export function ingestDailyPapers(
  date: string,
  onProgress?: (progress: IngestProgress) => void,
  options: HfOptions = hfOptions(),
): Promise<IngestSummary> {
  return runIngest(fetchDailyPapers(date, options), onProgress);
}
