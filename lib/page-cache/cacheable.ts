import { parseArxivId } from "@/lib/papers/arxiv-id";
import { VOTED_COOKIE, VOTER_COOKIE } from "@/lib/papers/voter-token";
import { SESSION_COOKIE } from "@/lib/readers/session-cookie";

import { PERSONAL_COOKIE, SCRIPTS_COOKIE } from "./personal-cookies";

/**
 * The pages the cache keeps, and for how long a copy stays fresh. Every copy also follows the vote
 * counts it shows and the lists follow new papers (listed-votes.ts), so these bound only what no
 * check sees: a paper's new version or similar papers, a vote that moves an unlisted paper into a
 * list, a search's ranking.
 */
export type PageKind = "paper" | "feed" | "listing" | "search";

export const FRESH_SECONDS: Record<PageKind, number> = { paper: 300, feed: 30, listing: 60, search: 60 };

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

/** Cookies that change nothing on a page: the voter cookie is only read to show the visitor's own vote. */
const PLAIN_COOKIES = new Set([VOTER_COOKIE, SCRIPTS_COOKIE, PERSONAL_COOKIE]);

/**
 * Cookies whose state a browser that runs scripts fetches after the page (components/viewer-state.ts):
 * a session (the header, saves, ratings, the reader's votes) and a browser's own votes. Authors' and
 * categories' pages also show the reader's digest, which is not fetched: those are rendered for them.
 */
const FETCHED_COOKIES = new Set([SESSION_COOKIE, VOTED_COOKIE]);
const FETCHED_KINDS = new Set<PageKind>(["paper", "feed", "search"]);

/**
 * Whether a request gets the page everybody gets: a plain GET of a cached page from a browser whose
 * cookies change nothing on it, or whose session or votes its scripts fetch afterwards. Any other
 * cookie (a recent write, which must read its own write; one added later) means the page may differ
 * for this visitor, so it is rendered for them; a session or votes in a browser without scripts get
 * the copy made theirs (isPersonalCopyRequest).
 */
export function isCacheableRequest(request: PageRequest): boolean {
  const kind = plainPageGet(request);
  if (!kind) return false;
  const fetches = FETCHED_KINDS.has(kind) && request.cookies.has(SCRIPTS_COOKIE);
  return request.cookies.getAll().every(({ name }) => PLAIN_COOKIES.has(name) || (fetches && FETCHED_COOKIES.has(name)));
}

/**
 * Whether a request gets the copy made its visitor's (personal-copy.ts): a plain GET of a paper, the
 * feed or a search from a browser without scripts that holds a session or its own votes, and no
 * cookie but those and the plain ones.
 */
export function isPersonalCopyRequest(request: PageRequest): boolean {
  const kind = plainPageGet(request);
  if (!kind || !FETCHED_KINDS.has(kind) || request.cookies.has(SCRIPTS_COOKIE) || !hasPersonalState(request.cookies)) return false;
  return request.cookies.getAll().every(({ name }) => PLAIN_COOKIES.has(name) || FETCHED_COOKIES.has(name));
}

type PageRequest = {
  method: string;
  headers: Headers;
  nextUrl: { pathname: string; searchParams: URLSearchParams };
  cookies: { getAll(): { name: string }[]; has(name: string): boolean };
};

/** The kind of a cached page a GET asks for as a page, not as the router's payload. */
function plainPageGet(request: PageRequest): PageKind | null {
  const kind = request.method === "GET" ? pageKind(request.nextUrl.pathname) : null;
  if (!kind) return null;
  if (ROUTER_HEADERS.some((name) => request.headers.has(name)) || request.nextUrl.searchParams.has("_rsc")) return null;
  return kind;
}

/** Whether a browser has something of its own its scripts fetch on a cached page (PERSONAL_COOKIE). */
export function hasPersonalState(cookies: { has(name: string): boolean }): boolean {
  return [...FETCHED_COOKIES].some((name) => cookies.has(name));
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
