import type { SearchSort } from "@/lib/search/search-query";

export type SearchState = {
  q: string;
  category?: string;
  from?: string;
  to?: string;
  sort?: SearchSort;
  cursor?: string;
  /** "1": the query as typed, even when a correction would find more. */
  literal?: "1";
};

/** A search URL; empty values are left out so links stay short and shareable. */
export function searchHref(state: SearchState): string {
  const params = new URLSearchParams();
  for (const key of ["q", "category", "from", "to", "sort", "cursor", "literal"] as const) {
    const value = state[key];
    if (value) params.set(key, value);
  }
  const query = params.toString();
  return query ? `/search?${query}` : "/search";
}
