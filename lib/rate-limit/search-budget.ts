import "server-only";

import { env } from "@/lib/env";

import type { RateLimitRule } from "./consume-rate-limit";

const SEARCH_PATHS = new Set(["/search", "/api/search", "/search/feed.xml"]);
const SUGGEST_PATH = "/api/search/suggest";
/** A person types a few characters between suggestions and searches. */
const SUGGESTIONS_PER_SEARCH = 5;

/**
 * The budget a request to a search path spends (SEARCH_RATE_LIMIT per client), or null for
 * anything else, including the search page without a query, which runs none.
 */
export function searchBudget(pathname: string, params: URLSearchParams): RateLimitRule | null {
  if (pathname === SUGGEST_PATH) {
    const { limit, windowSeconds } = env.SEARCH_RATE_LIMIT;
    return { name: "suggest-ip", limit: limit * SUGGESTIONS_PER_SEARCH, windowSeconds };
  }
  if (!SEARCH_PATHS.has(pathname) || params.size === 0) return null;
  return { name: "search-ip", ...env.SEARCH_RATE_LIMIT };
}
