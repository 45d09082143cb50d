import { NextResponse } from "next/server";

import { runDigest } from "@/lib/digest/run-digest";
import { withCronAuth } from "@/lib/http/with-cron-auth";
import { jsonRoute } from "@/lib/http/json-route";

// Serverless platforms stop a function after maxDuration; the run stops starting new batches a
// minute before, and the next call continues where it left off.
export const maxDuration = 300;
const DEADLINE_MS = 240_000;

// For Vercel Cron (GET) and any other scheduler: `curl -X POST -H "Authorization: Bearer $CRON_SECRET" …/api/cron/digest`.
// Answers {due, sent, skipped, failed, deferred, durationMs, complete, stoppedBecause, queries}.
const handler = jsonRoute(
  withCronAuth(async () => {
    const summary = await runDigest({ deadlineMs: DEADLINE_MS });
    return NextResponse.json(summary);
  }),
);

export const GET = handler;
export const POST = handler;
