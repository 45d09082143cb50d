import { NextResponse } from "next/server";

import { AppError } from "@/lib/http/app-error";
import { assertSameOrigin } from "@/lib/http/assert-same-origin";
import { clientIp } from "@/lib/http/client-ip";
import { jsonRoute } from "@/lib/http/json-route";
import { SUBSCRIBE_ACCEPTED, subscribe } from "@/lib/subscribers/subscribe";
import { subscriptionSchema } from "@/lib/subscribers/subscription-input";

const MAX_BODY_CHARS = 20_000;

/** Subscribe with JSON; answers 202 alike for new, pending and existing addresses. */
export const POST = jsonRoute(async (request) => {
  assertSameOrigin(request);
  if (!request.headers.get("content-type")?.toLowerCase().startsWith("application/json")) {
    throw new AppError("bad_request", "Send the subscription as JSON with Content-Type: application/json.");
  }
  const body = await request.text();
  if (body.length > MAX_BODY_CHARS) throw new AppError("bad_request", "The request body is too large.");
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON.");
  }
  const input = subscriptionSchema.parse(json);
  await subscribe(input, { ip: clientIp(request.headers) });
  return NextResponse.json({ status: "accepted", message: SUBSCRIBE_ACCEPTED }, { status: 202 });
});
