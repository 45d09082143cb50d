import "server-only";

import { env } from "@/lib/env";

import { AppError } from "./app-error";

/**
 * CSRF guard for state-changing route handlers (server actions get Next's own check). Browsers
 * send Origin with every cross-site POST; a request without one is not from a page in a browser.
 */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  if (origin === null) return;
  const allowed = new Set([new URL(env.APP_URL).origin, new URL(request.url).origin]);
  if (!allowed.has(origin)) throw new AppError("forbidden", "Cross-site requests are not allowed.");
}
