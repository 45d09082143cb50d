import "server-only";

import { env } from "@/lib/env";

import { SESSION_IDLE_MS } from "./lifetimes";

export const SESSION_COOKIE = "pp_session";

/**
 * HttpOnly so scripts never see it, SameSite=Lax so cross-site POSTs arrive without it, Secure
 * whenever the app is served over https.
 */
export function sessionCookieOptions(maxAgeMs = SESSION_IDLE_MS) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: env.APP_URL.startsWith("https:"),
    path: "/",
    maxAge: Math.floor(maxAgeMs / 1000),
  };
}
