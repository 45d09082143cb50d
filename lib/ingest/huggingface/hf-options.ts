import "server-only";

import { env } from "@/lib/env";

export type HfOptions = { baseUrl: string; timeoutMs: number; retries: number; retryBaseMs: number };

/** The configured Hugging Face client settings, with `overrides` (tests point it at a local server). */
export function hfOptions(overrides: Partial<HfOptions> = {}): HfOptions {
  return {
    baseUrl: overrides.baseUrl ?? env.HF_API_URL,
    timeoutMs: overrides.timeoutMs ?? env.INGEST_TIMEOUT_MS,
    retries: overrides.retries ?? env.INGEST_RETRIES,
    retryBaseMs: overrides.retryBaseMs ?? 2_000,
  };
}
