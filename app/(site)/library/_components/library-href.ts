import type { LibrarySort } from "@/lib/library/library-query";

export type LibraryState = { q?: string; tag?: string; sort?: LibrarySort; cursor?: string };

/** A library view as a URL, leaving defaults out so links stay short and shareable. */
export function libraryHref(state: LibraryState): string {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  if (state.tag) params.set("tag", state.tag);
  if (state.sort && state.sort !== "saved") params.set("sort", state.sort);
  if (state.cursor) params.set("cursor", state.cursor);
  const query = params.toString();
  return query ? `/library?${query}` : "/library";
}
