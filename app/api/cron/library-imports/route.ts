import { NextResponse } from "next/server";

import { jsonRoute } from "@/lib/http/json-route";
import { withCronAuth } from "@/lib/http/with-cron-auth";
import { retryPendingImports } from "@/lib/library/retry-pending-imports";

// Fetches imported papers arXiv could not deliver earlier; call it every ten minutes or so.
const handler = jsonRoute(withCronAuth(async () => NextResponse.json(await retryPendingImports())));

export const GET = handler;
export const POST = handler;
