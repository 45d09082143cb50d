import { NextResponse } from "next/server";

import { withCronAuth } from "@/lib/http/with-cron-auth";
import { jsonRoute } from "@/lib/http/json-route";
import { runDailyIngest } from "@/lib/ingest/run-daily-ingest";

// For external schedulers: `curl -X POST -H "Authorization: Bearer $CRON_SECRET" …/api/cron/ingest`.
// 200 when every source answered, 502 when one did not (the report says which).
const handler = jsonRoute(
  withCronAuth(async () => {
    const report = await runDailyIngest();
    return NextResponse.json(report, { status: report.ok ? 200 : 502 });
  }),
);

export const GET = handler;
export const POST = handler;
