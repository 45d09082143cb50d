import "server-only";

import { NextResponse, type NextRequest } from "next/server";

import { env } from "@/lib/env";
import { isDatabaseReachable } from "@/lib/health/database-reachable";
import { VOTER_COOKIE, issueVoterToken, voterCookieOptions, voterHashFromToken } from "@/lib/papers/voter-token";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { searchBudget } from "@/lib/rate-limit/search-budget";

import { AppError } from "./app-error";
import { clientIp } from "./client-ip";
import { isDatabaseUnavailable } from "./is-database-unavailable";
import { jsonError } from "./json-route";
import { isSameOrigin } from "./same-origin";
import { statusPageResponse } from "./status-page";

/**
 * Spends the client's search budget on a search (page, API, feed or suggestion) and answers 429
 * with Retry-After once it is gone. Router prefetches run no search and spend nothing.
 */
export async function searchBudgetRefusal(request: NextRequest): Promise<NextResponse | null> {
  const rule = searchBudget(request.nextUrl.pathname, request.nextUrl.searchParams);
  if (!rule || request.headers.get("next-router-prefetch")) return null;
  try {
    await consumeRateLimit(rule, clientIp(request.headers));
    return null;
  } catch (error) {
    // Without its database the search cannot run either: the route itself answers 503.
    if (isDatabaseUnavailable(error)) return null;
    if (!(error instanceof AppError)) throw error;
    if (request.nextUrl.pathname.startsWith("/api/")) return jsonError(error);
    const { limit, windowSeconds } = env.SEARCH_RATE_LIMIT;
    return statusPageResponse({
      status: 429,
      title: "That was a lot of searches in a short time.",
      message: `Each address may run ${limit} searches at once, then one more every ${Math.round(windowSeconds / limit)} seconds. Please wait a moment and search again.`,
      retryAfterSeconds: error.details?.retryAfterSeconds ?? 60,
    });
  }
}

/** Gives a paper page's reader the voter cookie their upvote will need, unless they hold one. */
export function issueVoterCookie(request: NextRequest, response: NextResponse): void {
  if (request.method !== "GET" || !request.nextUrl.pathname.startsWith("/papers/")) return;
  if (voterHashFromToken(request.cookies.get(VOTER_COOKIE)?.value)) return;
  response.cookies.set(VOTER_COOKIE, issueVoterToken(), voterCookieOptions());
}

/**
 * Server actions are POSTs to pages. One from a foreign or "null" Origin is a cross-site request:
 * Next.js would refuse it too, but as a 500 logged as an error; it is the sender's fault, a 403.
 */
export function crossSiteActionRefusal(request: NextRequest): NextResponse | null {
  if (request.method !== "POST" || request.nextUrl.pathname.startsWith("/api/")) return null;
  if (isSameOrigin(request.headers, env.APP_URL)) return null;
  return new NextResponse("Cross-site form submissions are not allowed.", {
    status: 403,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}

/**
 * While the database is down a page would stream a 200 shell and then an error, or fail with a
 * bare 500: crawlers and load balancers get 503 with Retry-After instead, and people a page in
 * the site's frame saying so. (The API answers its own 503s, see json-route.ts.)
 */
export async function outageRefusal(request: NextRequest): Promise<NextResponse | null> {
  if ((request.method !== "GET" && request.method !== "HEAD") || request.nextUrl.pathname.startsWith("/api/")) return null;
  if (await isDatabaseReachable()) return null;
  return statusPageResponse({
    status: 503,
    title: "PaperPulse cannot reach its database right now.",
    message:
      "Nothing is lost: papers, votes and subscriptions are kept in the database, which is usually back within a minute. Please reload this page shortly.",
    retryAfterSeconds: 5,
  });
}
