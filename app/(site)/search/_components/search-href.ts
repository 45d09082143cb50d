import type { SearchSort } from "@/lib/search/search-query";

export type SearchState = { q: string; category?: string; from?: string; to?: string; sort?: SearchSort; cursor?: string };

/** A search URL; empty values are left out so links stay short and shareable. */
export function searchHref(state: SearchState): string {
  const params = new URLSearchParams();
  for (const key of ["q", "category", "from", "to", "sort", "cursor"] as const) {
    const value = state[key];
    if (value) params.set(key, value);
  }
  const query = params.toString();
  return query ? `/search?${query}` : "/search";
}
