import { NextResponse } from "next/server";

import { env } from "@/lib/env";
import { assertSameOrigin } from "@/lib/http/assert-same-origin";
import { jsonRoute } from "@/lib/http/json-route";
import { requestCookie } from "@/lib/http/request-cookie";
import { VOTER_COOKIE, voterHashFromToken } from "@/lib/papers/voter-token";
import { completeSignIn } from "@/lib/readers/complete-sign-in";
import { PENDING_SAVES_FIELD, parsePendingSaves } from "@/lib/readers/pending-saves-field";
import { safeReturnPath } from "@/lib/readers/return-path";
import { SESSION_COOKIE, sessionCookieOptions } from "@/lib/readers/session-cookie";

/**
 * The "Sign in" button's target: a plain form post, so it works without JavaScript. A refused
 * link goes back to its page, which says why.
 */
export const POST = jsonRoute(async (request: Request) => {
  assertSameOrigin(request);
  const form = await request.formData().catch(() => new FormData());
  const token = String(form.get("token") ?? "");
  const next = safeReturnPath(form.get("next"));
  const result = await completeSignIn(token, {
    previousSessionToken: requestCookie(request, SESSION_COOKIE),
    browserVoterHash: voterHashFromToken(requestCookie(request, VOTER_COOKIE)),
    pendingArxivIds: parsePendingSaves(form.get(PENDING_SAVES_FIELD)),
  });
  if (!result.ok) {
    return NextResponse.redirect(new URL(`/sign-in/confirm?token=${encodeURIComponent(token)}`, env.APP_URL), 303);
  }
  const response = NextResponse.redirect(new URL(`${next}${next.includes("?") ? "&" : "?"}signed-in=1`, env.APP_URL), 303);
  response.cookies.set(SESSION_COOKIE, result.sessionToken, sessionCookieOptions());
  return response;
});
