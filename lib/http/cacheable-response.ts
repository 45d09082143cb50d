import { createHash } from "node:crypto";

/**
 * How long shared caches (a CDN, a reverse proxy) may keep a public response: `sharedSeconds` fresh
 * (`s-maxage`), then up to `staleSeconds` more served stale while one request refreshes it in the
 * background. Browsers keep `browserSeconds` and then revalidate with the ETag, which costs a
 * 304 when nothing changed. docs/deployment.md explains the choices.
 */
export type CachePolicy = { browserSeconds: number; sharedSeconds: number; staleSeconds: number };

export const CACHE_POLICIES = {
  /** One paper: its upvote count moves, so a new vote shows within seconds. */
  paper: { browserSeconds: 0, sharedSeconds: 5, staleSeconds: 60 },
  /** A trending page: votes reorder it; new papers arrive once a day. */
  trending: { browserSeconds: 0, sharedSeconds: 10, staleSeconds: 60 },
  /** Search results change only when papers arrive or votes shift the ranking a little. */
  search: { browserSeconds: 0, sharedSeconds: 60, staleSeconds: 600 },
  /** Completions: keystrokes repeat the same prefixes, and titles and authors hardly change. */
  suggest: { browserSeconds: 60, sharedSeconds: 300, staleSeconds: 3_600 },
  /** Atom feeds: readers poll them; a few minutes late is what feed readers expect. */
  atom: { browserSeconds: 300, sharedSeconds: 300, staleSeconds: 3_600 },
  /** Sitemaps: crawlers read them a few times a day. */
  sitemap: { browserSeconds: 3_600, sharedSeconds: 3_600, staleSeconds: 86_400 },
} satisfies Record<string, CachePolicy>;

/** For responses that belong to one person (tokens, their subscription): never stored anywhere. */
export const PRIVATE_NO_STORE = "private, no-store";

export function cacheControl(policy: CachePolicy): string {
  return `public, max-age=${policy.browserSeconds}, s-maxage=${policy.sharedSeconds}, stale-while-revalidate=${policy.staleSeconds}`;
}

/** A strong validator: the same body, byte for byte, has the same tag on every instance. */
export function entityTag(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}

/** RFC 9110 If-None-Match: `*`, or any listed tag equal to ours under weak comparison. */
export function matchesIfNoneMatch(header: string | null, tag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  const opaque = (value: string) => value.trim().replace(/^W\//, "");
  return header.split(",").some((candidate) => opaque(candidate) === opaque(tag));
}

/**
 * A public response with Cache-Control and an ETag, or a bodiless 304 when the request's
 * If-None-Match already names this body.
 */
export function cacheableResponse(request: Request, body: string, contentType: string, policy: CachePolicy): Response {
  const tag = entityTag(body);
  const headers = { "Cache-Control": cacheControl(policy), ETag: tag };
  if (matchesIfNoneMatch(request.headers.get("if-none-match"), tag)) return new Response(null, { status: 304, headers });
  return new Response(body, { headers: { ...headers, "Content-Type": contentType } });
}

const JSON_TYPE = "application/json";

/** `cacheableResponse` for a JSON body. */
export function cacheableJson(request: Request, data: unknown, policy: CachePolicy): Response {
  return cacheableResponse(request, JSON.stringify(data), JSON_TYPE, policy);
}
