import "server-only";

import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

import { env } from "@/lib/env";

/**
 * A browser's voter identity: 128 random bits, signed so that only ids we issued count. The
 * cookie holds `id.signature`; the database holds only a hash of the id. It is issued with a
 * paper page (proxy.ts), never by the vote itself: a client that drops its cookies has to load a
 * page again for each vote, and its votes still count once per network (upvote-paper.ts).
 */
export const VOTER_COOKIE = "pp_voter";

/** A function, not a constant: `next build` imports this module before the environment is read. */
export function voterCookieOptions() {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: env.APP_URL.startsWith("https:"),
    path: "/",
    maxAge: 60 * 60 * 24 * 365 * 2,
  };
}

/**
 * Set once a browser without an account has voted. It says nothing about whom or what: it only
 * tells the page cache that this browser's paper pages show its own votes, so they are rendered
 * for it (lib/page-cache/cacheable.ts).
 */
export const VOTED_COOKIE = "pp_voted";

function sign(id: string): string {
  return createHmac("sha256", env.APP_SECRET).update(`voter:${id}`).digest("base64url");
}

export function issueVoterToken(): string {
  const id = randomBytes(16).toString("base64url");
  return `${id}.${sign(id)}`;
}

/** The hash a vote is stored under, or null when the token is missing, malformed or forged. */
export function voterHashFromToken(token: string | undefined): string | null {
  if (!token || token.length > 200) return null;
  const [id, signature, ...rest] = token.split(".");
  if (!id || !signature || rest.length) return null;
  const expected = Buffer.from(sign(id));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return createHash("sha256").update(id).digest("base64url");
}
