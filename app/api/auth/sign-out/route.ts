import { NextResponse } from "next/server";

import { env } from "@/lib/env";
import { assertSameOrigin } from "@/lib/http/assert-same-origin";
import { jsonRoute } from "@/lib/http/json-route";
import { requestCookie } from "@/lib/http/request-cookie";
import { SESSION_COOKIE, sessionCookieOptions } from "@/lib/readers/session-cookie";
import { endAllSessions, endSession, readSession } from "@/lib/readers/sessions";

/** "Sign out" ends this browser's session; with `everywhere=1`, every session of the reader. */
export const POST = jsonRoute(async (request: Request) => {
  assertSameOrigin(request);
  const form = await request.formData().catch(() => new FormData());
  const token = requestCookie(request, SESSION_COOKIE);
  if (form.get("everywhere") === "1") {
    const session = await readSession(token);
    if (session) await endAllSessions(session.readerId);
  } else {
    await endSession(token);
  }
  const response = NextResponse.redirect(new URL("/sign-in?signed-out=1", env.APP_URL), 303);
  response.cookies.set(SESSION_COOKIE, "", sessionCookieOptions(0));
  return response;
});
