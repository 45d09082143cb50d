import { NextResponse } from "next/server";

import { env } from "@/lib/env";
import { PRIVATE_NO_STORE } from "@/lib/http/cacheable-response";
import { jsonRoute } from "@/lib/http/json-route";
import { unsubscribe } from "@/lib/subscribers/unsubscribe";

// The List-Unsubscribe target of every email (RFC 8058). The token in the URL is the only
// credential: no cookie, no Origin check (mail providers POST from their own servers), no
// confirmation step.
export const POST = jsonRoute(async (request) => {
  await unsubscribe(new URL(request.url).searchParams.get("token") ?? undefined);
  return NextResponse.json({ status: "unsubscribed" }, { headers: { "Cache-Control": PRIVATE_NO_STORE } });
});

/** A GET changes nothing (link scanners prefetch): it leads a person to the page with the button. */
export function GET(request: Request) {
  const target = new URL("/unsubscribe", env.APP_URL);
  const token = new URL(request.url).searchParams.get("token");
  if (token) target.searchParams.set("token", token);
  return NextResponse.redirect(target, 303);
}
