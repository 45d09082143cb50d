import "server-only";

import { createHash } from "node:crypto";

import { db } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";

export type RateLimitRule = { name: string; limit: number; windowSeconds: number };

/**
 * Counts one request against a fixed window kept in PostgreSQL, so every app instance shares the
 * count. Throws a rate_limited AppError (429 with Retry-After) once the limit is passed.
 */
export async function consumeRateLimit(rule: RateLimitRule, subject: string): Promise<void> {
  // Subjects are IPs and email addresses: store only a hash of them.
  const key = `${rule.name}:${createHash("sha256").update(subject).digest("base64url")}`;
  const [row] = await db.$queryRaw<{ count: number; retry_after: number }[]>`
    WITH slot AS (
      SELECT to_timestamp(floor(date_part('epoch', now()) / ${rule.windowSeconds}) * ${rule.windowSeconds}) AS start
    )
    INSERT INTO rate_limit (key, window_start, count, expires_at)
    SELECT ${key}, start, 1, start + make_interval(secs => ${rule.windowSeconds}) FROM slot
    ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit.count + 1
    RETURNING count, ceil(date_part('epoch', expires_at - now()))::int AS retry_after`;
  if (Math.random() < 0.01) await db.$executeRaw`DELETE FROM rate_limit WHERE expires_at < now()`;
  if (row && row.count > rule.limit) {
    throw new AppError("rate_limited", "Too many requests; please wait a moment and try again.", {
      retryAfterSeconds: Math.max(1, row.retry_after),
    });
  }
}
