import "server-only";

import { env } from "@/lib/env";

import { createRequestGate, type RequestGate } from "../request-gate";

export type ArxivOptions = {
  /** The query endpoint, e.g. https://export.arxiv.org/api/query. */
  baseUrl: string;
  /** Entries per request; arXiv serves up to 2,000 but asks for smaller slices. */
  pageSize: number;
  timeoutMs: number;
  retries: number;
  retryBaseMs: number;
  gate: RequestGate;
};

/** The configured arXiv client settings, with `overrides` (tests point it at a local server). */
export function arxivOptions(overrides: Partial<Omit<ArxivOptions, "gate">> & { requestIntervalMs?: number } = {}): ArxivOptions {
  const baseUrl = overrides.baseUrl ?? env.ARXIV_API_URL;
  return {
    baseUrl,
    pageSize: overrides.pageSize ?? 500,
    timeoutMs: overrides.timeoutMs ?? env.INGEST_TIMEOUT_MS,
    retries: overrides.retries ?? env.INGEST_RETRIES,
    retryBaseMs: overrides.retryBaseMs ?? 3_000,
    gate: createRequestGate(baseUrl, overrides.requestIntervalMs ?? env.ARXIV_REQUEST_INTERVAL_MS),
  };
}
