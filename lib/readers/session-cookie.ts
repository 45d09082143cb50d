import "server-only";

import { env } from "@/lib/env";

// The database decides when a session ends (an idle expiry that slides with use); the cookie only
// has to outlive it, and 400 days is the longest browsers keep one.
const COOKIE_LIFETIME_MS = 400 * 24 * 3_600_000;

export const SESSION_COOKIE = "pp_session";

/**
 * HttpOnly so scripts never see it, SameSite=Lax so cross-site POSTs arrive without it, Secure
 * whenever the app is served over https.
 */
export function sessionCookieOptions(maxAgeMs = COOKIE_LIFETIME_MS) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: env.APP_URL.startsWith("https:"),
    path: "/",
    maxAge: Math.floor(maxAgeMs / 1000),
  };
}
