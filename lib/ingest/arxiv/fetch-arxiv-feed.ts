import "server-only";

import { fetchWithRetry } from "../fetch-with-retry";
import { IngestError } from "../ingest-error";
import type { ArxivOptions } from "./arxiv-options";
import { parseAtomFeed, type RawEntry } from "./parse-atom-feed";

export type ArxivFeed = { totalResults: number; startIndex: number; entries: RawEntry[] };

const LABEL = "arXiv API";

async function* decodeBody(response: Response): AsyncIterable<string> {
  if (!response.body) return;
  const decoder = new TextDecoder("utf-8");
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    yield decoder.decode(value, { stream: true });
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

function count(value: string | undefined, name: string): number {
  const number = Number(value?.trim());
  if (value === undefined || !Number.isInteger(number) || number < 0) {
    throw new IngestError(`${LABEL} returned a feed without a valid <opensearch:${name}>`, { retryable: true });
  }
  return number;
}

/**
 * One request to the arXiv API query endpoint (`search_query` or `id_list`, with start and
 * max_results), streamed through the Atom parser. The API reports bad queries as a feed whose only
 * entry is an error; that becomes an IngestError carrying arXiv's own explanation.
 */
export async function fetchArxivFeed(params: Record<string, string>, options: ArxivOptions): Promise<ArxivFeed> {
  const url = new URL(options.baseUrl);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return fetchWithRetry(
    url.toString(),
    {
      label: LABEL,
      timeoutMs: options.timeoutMs,
      retries: options.retries,
      retryBaseMs: options.retryBaseMs,
      gate: options.gate,
      accept: "application/atom+xml",
    },
    async (response) => {
      const type = response.headers.get("content-type") ?? "";
      if (type.includes("text/html")) {
        await response.body?.cancel();
        throw new IngestError(`${LABEL} returned an HTML page instead of an Atom feed (${url})`, { retryable: true });
      }
      const feed = await parseAtomFeed(decodeBody(response), LABEL);
      const error = feed.entries.find((entry) => /^https?:\/\/arxiv\.org\/api\/errors/.test(entry.id?.trim() ?? ""));
      if (error) throw new IngestError(`${LABEL} rejected the query: ${error.summary?.trim() || error.id}`);
      return {
        totalResults: count(feed.totalResults, "totalResults"),
        startIndex: count(feed.startIndex ?? "0", "startIndex"),
        entries: feed.entries,
      };
    },
  );
}
