import { NextResponse } from "next/server";

import { pruneDigestHistory } from "@/lib/digest/prune-digest-history";
import { jsonRoute } from "@/lib/http/json-route";
import { withCronAuth } from "@/lib/http/with-cron-auth";

// Deletes digest history past its retention; call it daily. Answers {deliveries} deleted.
const handler = jsonRoute(withCronAuth(async () => NextResponse.json(await pruneDigestHistory())));

export const GET = handler;
export const POST = handler;
