import "server-only";

import { env } from "@/lib/env";

import { AppError } from "./app-error";
import { isSameOrigin } from "./same-origin";

/**
 * CSRF guard for state-changing route handlers (server actions are checked in proxy.ts and by
 * Next.js). Browsers send Origin with every cross-site POST.
 */
export function assertSameOrigin(request: Request): void {
  if (!isSameOrigin(request.headers, env.APP_URL)) throw new AppError("forbidden", "Cross-site requests are not allowed.");
}
