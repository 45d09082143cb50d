import { parseArxivId } from "@/lib/papers/arxiv-id";
import { VOTER_COOKIE } from "@/lib/papers/voter-token";

/**
 * The pages the cache keeps, and for how long a copy stays fresh. A paper page also follows its
 * vote count (paper-votes.ts), so it can stay fresh for long; the rest change as votes reorder
 * them and papers arrive, and are rendered again after `freshSeconds`.
 */
export type PageKind = "paper" | "feed" | "listing" | "search";

export const FRESH_SECONDS: Record<PageKind, number> = { paper: 300, feed: 10, listing: 30, search: 60 };

/** How long past fresh a copy is still served while one request renders it again. */
export const STALE_SECONDS = 60;

const KINDS: [RegExp, PageKind][] = [
  [/^\/$/, "feed"],
  [/^\/papers\/./, "paper"],
  [/^\/(?:authors|categories)\/[^/]+$/, "listing"],
  [/^\/search$/, "search"],
];

export function pageKind(pathname: string): PageKind | null {
  return KINDS.find(([pattern]) => pattern.test(pathname))?.[1] ?? null;
}

/** Headers of the router's own requests (a client-side navigation, a prefetch, a server action). */
const ROUTER_HEADERS = ["rsc", "next-router-prefetch", "next-router-state-tree", "next-action"];

/**
 * Whether a request gets the page everybody gets: a plain GET of a cached page from a browser that
 * carries no cookie but the voter cookie, which a page only reads to show the visitor's own vote,
 * and whose owner has not voted yet (voting sets pp_voted). Any other cookie (a session, a recent
 * write, one added later) means the page may differ for this visitor, so it is rendered for them.
 */
export function isCacheableRequest(request: {
  method: string;
  headers: Headers;
  nextUrl: { pathname: string; searchParams: URLSearchParams };
  cookies: { getAll(): { name: string }[] };
}): boolean {
  if (request.method !== "GET" || !pageKind(request.nextUrl.pathname)) return false;
  if (ROUTER_HEADERS.some((name) => request.headers.has(name)) || request.nextUrl.searchParams.has("_rsc")) return false;
  return request.cookies.getAll().every((cookie) => cookie.name === VOTER_COOKIE);
}

/**
 * The arXiv id a paper page's path names (`/papers/hep-th/9901001` too, a version's page under its
 * paper's id), or null for other pages and for paths that hold no valid id, which are never looked up.
 */
export function paperIdOfPath(pathname: string): string | null {
  if (pageKind(pathname) !== "paper") return null;
  try {
    return parseArxivId(decodeURIComponent(pathname.slice("/papers/".length)))?.id ?? null;
  } catch {
    return null;
  }
}

/** The next midnight UTC after `at`: a feed's "today" changes then, so no copy outlives it. */
export function nextUtcMidnight(at: number): number {
  const day = new Date(at);
  return Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + 1);
}
