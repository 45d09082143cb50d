import { NextResponse, type NextRequest } from "next/server";

import { env } from "@/lib/env";
import { contentSecurityPolicy, hashedContentSecurityPolicy } from "@/lib/http/content-security-policy";
import { isOwnPageRequest } from "@/lib/http/own-page";
import { crossSiteActionRefusal, issueVoterCookie, outageRefusal, searchBudgetRefusal } from "@/lib/http/site-gate";
import { markReadsForPrimary, RECENT_WRITE_COOKIE, RECENT_WRITE_COOKIE_OPTIONS } from "@/lib/http/read-your-writes";
import { hasPersonalState, pageKind } from "@/lib/page-cache/cacheable";
import { PAGE_CACHE_HEADER, renderedForCache, servedFromCache, servedPersonalCopy } from "@/lib/page-cache/page-cache";
import { HINT_COOKIE_MAX_AGE, PERSONAL_COOKIE, SCRIPTS_COOKIE } from "@/lib/page-cache/personal-cookies";
import { PERSONAL_PAGES, SCRIPTS_OFF } from "@/lib/readers/personal-view";
import { servedReaderCopy } from "@/lib/readers/reader-page-copies";

const PERSONAL_COOKIE_OPTIONS = {
  httpOnly: false,
  sameSite: "lax",
  secure: env.APP_URL.startsWith("https:"),
  path: "/",
  maxAge: HINT_COOKIE_MAX_AGE,
} as const;

/**
 * Runs before routing on every page and API request. It gives each request an id (echoed in
 * the response and in server logs) and each page a fresh CSP nonce, which Next.js puts on its
 * own scripts, unless it serves an anonymous view from the page cache (lib/page-cache), whose
 * copy brings a policy of script hashes, or a copy made a reader's for a browser without scripts,
 * which holds none but a file. It also answers a path with broken percent-encoding
 * ("/papers/%ZZ"), on which Next.js would otherwise fail with a bare 500 while decoding route
 * parameters. And it refuses cross-site server actions with 403, answers pages with 503 while the
 * database is down, keeps searches within each client's budget and hands paper pages' readers
 * their voter cookie (lib/http/site-gate.ts), and the hint that their own state is to be fetched.
 * A signed-in reader's /library and /for-you come from their copy while it is current: their data in
 * the shell every reader gets, or their page for a browser without scripts (lib/readers/reader-page-copies.ts).
 */
export async function proxy(request: NextRequest) {
  const requestId = crypto.randomUUID();
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    const message = "The URL's path is not valid percent-encoding.";
    const response = request.nextUrl.pathname.startsWith("/api/")
      ? NextResponse.json({ error: { code: "bad_request", message } }, { status: 400 })
      : new NextResponse(`Bad request: ${message}`, { status: 400 });
    response.headers.set("X-Request-Id", requestId);
    return response;
  }

  if (isOwnPageRequest(request)) return copyRender(request, requestId);

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-request-id", requestId);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  // Read-your-own-writes with replicas (lib/http/read-your-writes.ts); a client cannot ask for it.
  const writes = markReadsForPrimary(request.method, request.cookies, requestHeaders);
  const forward = { request: { headers: requestHeaders } };
  // A cached page costs no search, so the budget is spent only by what renders.
  const response =
    crossSiteActionRefusal(request) ??
    (await outageRefusal(request)) ??
    servedFromCache(request) ??
    (await servedPersonalCopy(request, false)) ??
    (await searchBudgetRefusal(request)) ??
    (await renderedForCache(request)) ??
    (await servedPersonalCopy(request, true)) ??
    (await servedReaderCopy(request)) ??
    NextResponse.next(forward);
  issueVoterCookie(request, response);
  keepPersonalHint(request, response);
  // A browser that stopped running scripts asks for its personal pages without them (components/personal-view.tsx).
  if (PERSONAL_PAGES.has(request.nextUrl.pathname) && request.nextUrl.searchParams.get(SCRIPTS_OFF.name) === SCRIPTS_OFF.value) {
    response.cookies.delete(SCRIPTS_COOKIE);
  }
  if (writes) response.cookies.set(RECENT_WRITE_COOKIE, "1", RECENT_WRITE_COOKIE_OPTIONS);
  // A cookie is for one browser: no shared cache may keep the copy that carries it.
  if (response.headers.has(PAGE_CACHE_HEADER) && response.cookies.getAll().length > 0 && !isPrivate(response)) {
    response.headers.set("Cache-Control", "private, no-cache");
  }
  // A cached page brings the policy that allows its scripts by hash.
  if (!response.headers.has("Content-Security-Policy")) response.headers.set("Content-Security-Policy", policy);
  response.headers.set("X-Request-Id", requestId);
  return response;
}

function isPrivate(response: NextResponse): boolean {
  return response.headers.get("Cache-Control")?.startsWith("private") ?? false;
}

/**
 * Keeps the readable hint that tells a page's script to fetch the visitor's own state
 * (components/viewer-state.ts) while the browser holds a session or its own votes, and drops it
 * after. On the cached pages only, whose script reads it: an API answer, a feed or a sitemap that
 * shared caches keep must never set a cookie.
 */
function keepPersonalHint(request: NextRequest, response: NextResponse) {
  if (request.method !== "GET" || !pageKind(request.nextUrl.pathname)) return;
  const personal = hasPersonalState(request.cookies);
  if (personal === request.cookies.has(PERSONAL_COOKIE)) return;
  if (personal) response.cookies.set(PERSONAL_COOKIE, "1", PERSONAL_COOKIE_OPTIONS);
  else response.cookies.delete(PERSONAL_COOKIE);
}

/**
 * The server's own request for a copy (lib/http/own-page.ts, for lib/page-cache and
 * lib/readers/reader-page-copies.ts): rendered without a nonce, since the copy is served with a
 * policy of hashes, and without the visitor's checks, which the visitor's request has passed.
 */
function copyRender(request: NextRequest, requestId: string) {
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-request-id", requestId);
  requestHeaders.set("Content-Security-Policy", hashedContentSecurityPolicy([]));
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("X-Request-Id", requestId);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
