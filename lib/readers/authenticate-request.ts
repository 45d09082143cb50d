import "server-only";

import { AppError } from "@/lib/http/app-error";
import { assertSameOrigin } from "@/lib/http/assert-same-origin";
import { requestCookie } from "@/lib/http/request-cookie";

import { readerOfApiToken } from "./api-tokens";
import { SESSION_COOKIE } from "./session-cookie";
import { readSession } from "./sessions";

/**
 * The reader behind an API request: `Authorization: Bearer pp_…` (a personal token), else the
 * session cookie. A write with the cookie must come from our own pages (a token cannot be sent
 * by another site's form, so it needs no such check).
 */
export async function authenticateReader(request: Request, options: { write: boolean }): Promise<number> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const match = /^Bearer\s+(\S{1,200})$/i.exec(authorization);
    const readerId = match ? await readerOfApiToken(match[1]!) : null;
    if (readerId === null) throw new AppError("unauthorized", "This API token is not valid; create one on your account page.");
    return readerId;
  }
  if (options.write) assertSameOrigin(request);
  const session = await readSession(requestCookie(request, SESSION_COOKIE));
  if (!session) throw new AppError("unauthorized", "Sign in, or send `Authorization: Bearer <token>` with a token from your account page.");
  return session.readerId;
}
