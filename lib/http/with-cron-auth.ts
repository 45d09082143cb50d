import "server-only";

import { createHash, timingSafeEqual } from "node:crypto";

import { env } from "@/lib/env";

import { AppError } from "./app-error";

type Handler<Context> = (request: Request, context: Context) => Promise<Response>;

const digest = (value: string) => createHash("sha256").update(value).digest();

/**
 * Lets a request through only with `Authorization: Bearer $CRON_SECRET`, for routes an external
 * scheduler calls (/api/cron/*). Wrap it in jsonRoute so a refusal becomes a JSON 401. Without
 * CRON_SECRET the routes refuse to run in production and are open in development.
 */
export function withCronAuth<Context>(handler: Handler<Context>): Handler<Context> {
  return async (request, context) => {
    const secret = env.CRON_SECRET;
    if (!secret) {
      if (env.NODE_ENV === "production") throw new AppError("unavailable", "Cron routes are disabled until CRON_SECRET is set.");
      return handler(request, context);
    }
    // Comparing fixed-length digests keeps the comparison constant-time whatever was sent.
    const given = digest(request.headers.get("authorization") ?? "");
    if (!timingSafeEqual(given, digest(`Bearer ${secret}`))) {
      throw new AppError("unauthorized", "This route needs `Authorization: Bearer <CRON_SECRET>`.");
    }
    return handler(request, context);
  };
}
