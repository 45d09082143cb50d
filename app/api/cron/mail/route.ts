import { NextResponse } from "next/server";

import { jsonRoute } from "@/lib/http/json-route";
import { withCronAuth } from "@/lib/http/with-cron-auth";
import { sendQueuedMail } from "@/lib/mail/mail-queue";

// Retries transactional mail the SMTP server did not take; call it every minute or so.
const handler = jsonRoute(withCronAuth(async () => NextResponse.json(await sendQueuedMail())));

export const GET = handler;
export const POST = handler;
