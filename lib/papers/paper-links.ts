/** The author page of a name exactly as papers list it. */
export function authorHref(name: string): string {
  return `/authors/${encodeURIComponent(name)}`;
}

/** The page of an arXiv category ("cs.LG"). */
export function categoryHref(category: string): string {
  return `/categories/${encodeURIComponent(category)}`;
}
