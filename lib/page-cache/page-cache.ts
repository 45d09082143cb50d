import "server-only";

import { availableParallelism } from "node:os";

import { NextResponse, type NextRequest } from "next/server";

import { env } from "@/lib/env";
import {
  CACHE_POLICIES,
  PRIVATE_NO_STORE,
  cacheControl,
  entityTag,
  matchesIfNoneMatch,
  type CachePolicy,
} from "@/lib/http/cacheable-response";
import { hashedContentSecurityPolicy } from "@/lib/http/content-security-policy";
import { fetchOwnPage, renderOnce } from "@/lib/http/own-page";
import { VOTER_COOKIE, voterHashFromToken } from "@/lib/papers/voter-token";
import { readerVoterHash } from "@/lib/readers/reader-voter";
import { SESSION_COOKIE } from "@/lib/readers/session-cookie";
import { readSession } from "@/lib/readers/sessions";
import { loadViewerState } from "@/lib/readers/viewer-state";

import {
  FRESH_SECONDS,
  STALE_SECONDS,
  isCacheableRequest,
  isPersonalCopyRequest,
  nextUtcMidnight,
  pageKind,
  paperIdOfPath,
  type PageKind,
} from "./cacheable";
import { inlineScriptHashes } from "./inline-script-hashes";
import { linkedPaperIds, listedVotes, shownUpvotes, watchListedVotes } from "./listed-votes";
import { personalCopy, personalTemplate } from "./personal-copy";
import { PageStore, type CachedPage } from "./page-store";
import { RenderTurns } from "./render-turns";

/**
 * The page cache: anonymous views of papers, the feed, authors, categories and searches, rendered
 * once and served to every visitor who carries nothing personal (cacheable.ts), from the proxy
 * before Next.js renders anything. A copy is rendered by a request the cache sends to its own
 * server without cookies, so it cannot hold anyone's state, and without a nonce: the copy's CSP
 * allows its inline scripts by hash instead. docs/deployment.md#page-cache explains the choice.
 */
export const PAGE_CACHE_HEADER = "X-Page-Cache";

/** What a CDN may do with a copy: the page's own policy, as the API's of the same data. */
const SHARED: Record<PageKind, CachePolicy> = {
  paper: CACHE_POLICIES.paper,
  feed: CACHE_POLICIES.trending,
  listing: CACHE_POLICIES.trending,
  search: CACHE_POLICIES.search,
};

/**
 * Copies rendered at a time (render-turns.ts); every other miss waits its turn, a crawler walking
 * every paper too, while the hits keep being served. Two per core: a render also waits for its
 * queries and its own request, and fewer would leave the CPU idle meanwhile; more would make each
 * take as long as all of them together.
 */
const RENDERS_AT_ONCE = 2 * availableParallelism();
/** How long a miss may wait while later ones are rendered first (render-turns.ts). */
const RENDER_PATIENCE_MS = 2_000;

type PageCache = {
  store: PageStore;
  rendering: Map<string, Promise<CachedPage | null>>;
  renders: RenderTurns;
};

// The proxy is bundled apart from the routes, and dev reloads re-evaluate modules: one per process.
const globalForPageCache = globalThis as unknown as { paperpulsePageCache?: PageCache };

function pageCache(): PageCache | null {
  if (env.PAGE_CACHE_MB === 0 || env.NODE_ENV === "development") return null;
  if (!globalForPageCache.paperpulsePageCache) {
    const store = new PageStore(env.PAGE_CACHE_MB * 1024 * 1024);
    globalForPageCache.paperpulsePageCache = {
      store,
      rendering: new Map(),
      renders: new RenderTurns(RENDERS_AT_ONCE, RENDER_PATIENCE_MS),
    };
    watchListedVotes(store);
  }
  return globalForPageCache.paperpulsePageCache;
}

/** A paper page reads no query parameter, so one copy serves every link to it. */
function cacheKey(request: NextRequest): string {
  const { pathname, search } = request.nextUrl;
  return pageKind(pathname) === "paper" ? pathname : pathname + search;
}

/** The cached copy when there is one: fresh, or stale while one request renders it again. */
export function servedFromCache(request: NextRequest): NextResponse | null {
  const cache = pageCache();
  if (!cache || !isCacheableRequest(request)) return null;
  const key = cacheKey(request);
  const page = cache.store.get(key);
  const now = Date.now();
  if (!page || now >= page.usableUntil) return null;
  if (now < page.freshUntil) return pageResponse(request, page, "hit");
  void render(cache, key);
  return pageResponse(request, page, "stale");
}

/**
 * On a miss, renders the copy (once, however many ask at the same time) and serves it; null when
 * the request is not for the cache or the render did not give a page to keep, and the request is
 * then rendered for itself as before.
 */
export async function renderedForCache(request: NextRequest): Promise<NextResponse | null> {
  const cache = pageCache();
  if (!cache || !isCacheableRequest(request)) return null;
  const page = await render(cache, cacheKey(request));
  return page && pageResponse(request, page, "miss");
}

/**
 * A signed-in reader's or a voter's view from a browser without scripts: the copy made theirs
 * (personal-copy.ts), private. Without a usable copy, null, unless `renderMissing` (the proxy asks
 * again once the search budget allows a render), when the copy is rendered first. Null also when
 * the copy cannot be made theirs: the page is then rendered for them as before.
 */
export async function servedPersonalCopy(request: NextRequest, renderMissing: boolean): Promise<NextResponse | null> {
  const cache = pageCache();
  if (!cache || !isPersonalCopyRequest(request)) return null;
  const key = cacheKey(request);
  const now = Date.now();
  let page = cache.store.get(key);
  if (page && now >= page.usableUntil) page = undefined;
  if (page && now >= page.freshUntil) void render(cache, key);
  if (!page && renderMissing) page = (await render(cache, key)) ?? undefined;
  if (!page || page.status !== 200) return null;
  try {
    page.personal ??= personalTemplate(new TextDecoder().decode(page.body));
    const reader = await readSession(request.cookies.get(SESSION_COOKIE)?.value);
    const voterHash = reader ? readerVoterHash(reader.readerId) : voterHashFromToken(request.cookies.get(VOTER_COOKIE)?.value);
    const arxivIds = [...new Set(page.personal.flatMap((part) => (typeof part !== "string" && "arxivId" in part ? [part.arxivId] : [])))];
    const visitor = await loadViewerState(reader?.readerId ?? null, voterHash, arxivIds);
    return new NextResponse(personalCopy(page.personal, visitor), {
      headers: {
        "Cache-Control": PRIVATE_NO_STORE,
        "Content-Security-Policy": hashedContentSecurityPolicy([]),
        "Content-Type": page.contentType,
        [PAGE_CACHE_HEADER]: "personal",
      },
    });
  } catch (error) {
    console.warn(`[page-cache] personalising ${key} failed: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

function render(cache: PageCache, key: string): Promise<CachedPage | null> {
  return renderOnce(cache.rendering, key, `[page-cache] rendering ${key}`, () => cache.renders.run(() => renderCopy(cache, key)));
}

async function renderCopy(cache: PageCache, key: string): Promise<CachedPage | null> {
  const kind = pageKind(new URL(key, "http://page").pathname)!;
  // A paper page's count is the one it shows. A list's are read before the render, so a vote during
  // it is seen as a change, as its last copy showed them (its papers change rarely; new ones are read after).
  const arxivId = paperIdOfPath(key);
  const votes = arxivId ? {} : await listedVotes(Object.keys(cache.store.get(key)?.votes ?? {}));
  const response = await fetchOwnPage(key, {});
  // A redirect, a parameter error or a failure is rendered for its visitor as before; a missing
  // paper's 404 is served but not kept, or made-up addresses would push real pages out.
  if (response.status !== 200 && response.status !== 404) {
    await response.body?.cancel();
    return null;
  }
  // Kept as the bytes that came, read as text to find the votes it shows.
  const bytes = new Uint8Array(await response.arrayBuffer());
  const body = new TextDecoder().decode(bytes);
  if (arxivId) {
    Object.assign(votes, shownUpvotes(body));
    // A paper's copy that does not show its count as expected could not follow its votes: not kept.
    if (response.status === 200 && !(arxivId in votes)) throw new Error("the page shows no upvote count for its paper");
  } else {
    const added = linkedPaperIds(body).filter((id) => !(id in votes));
    Object.assign(votes, await listedVotes(added));
  }
  const now = Date.now();
  const endOfDay = nextUtcMidnight(now);
  const page: CachedPage = {
    body: bytes,
    status: response.status,
    contentType: response.headers.get("content-type") ?? "text/html; charset=utf-8",
    policy: hashedContentSecurityPolicy(inlineScriptHashes(bytes)),
    etag: entityTag(body),
    votes,
    renderedAt: now,
    freshUntil: Math.min(now + FRESH_SECONDS[kind] * 1000, endOfDay),
    usableUntil: Math.min(now + (FRESH_SECONDS[kind] + STALE_SECONDS) * 1000, endOfDay),
    shared: cacheControl(SHARED[kind]),
  };
  if (page.status === 200) cache.store.set(key, page);
  return page;
}

/**
 * The copy with its own CSP and the kind's Cache-Control. `Vary: Cookie` keeps a CDN from giving
 * it to a signed-in visitor; proxy.ts makes it private when it also sets the voter cookie.
 */
function pageResponse(request: NextRequest, page: CachedPage, state: "hit" | "stale" | "miss"): NextResponse {
  const headers = {
    "Cache-Control": page.shared,
    "Content-Security-Policy": page.policy,
    ETag: page.etag,
    Vary: "Cookie",
    [PAGE_CACHE_HEADER]: state,
  };
  if (page.status === 200 && matchesIfNoneMatch(request.headers.get("if-none-match"), page.etag)) {
    return new NextResponse(null, { status: 304, headers });
  }
  return new NextResponse(page.body, { status: page.status, headers: { ...headers, "Content-Type": page.contentType } });
}
