import "server-only";

import { createHash } from "node:crypto";

import { db } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";

/** Up to `limit` requests at once, then one more every windowSeconds / limit. */
export type RateLimitRule = { name: string; limit: number; windowSeconds: number };

/**
 * Takes one token from the subject's bucket, kept in PostgreSQL so every app instance shares it
 * (the generic cell rate algorithm: one "full again at" timestamp per key, see the migration
 * 20261206040000_rate_limit_token_bucket). Unlike fixed windows, no boundary hands out a second
 * limit at once. Throws a rate_limited AppError (429 with Retry-After) when the bucket is empty.
 */
export async function consumeRateLimit(rule: RateLimitRule, subject: string): Promise<void> {
  // Subjects are IPs and email addresses: store only a hash of them.
  const key = `${rule.name}:${createHash("sha256").update(subject).digest("base64url")}`;
  const step = rule.windowSeconds / rule.limit;
  const window = rule.windowSeconds;
  // The row lock of the upsert orders concurrent requests; the refused one reads the bucket as
  // it was to say when a token is back.
  const [row] = await db.$queryRaw<{ allowed: boolean; retry_after: number | null }[]>`
    WITH previous AS (SELECT full_at FROM rate_limit WHERE key = ${key}),
    taken AS (
      INSERT INTO rate_limit (key, full_at) VALUES (${key}, now() + make_interval(secs => ${step}::float8))
      ON CONFLICT (key) DO UPDATE SET full_at = greatest(rate_limit.full_at, now()) + make_interval(secs => ${step}::float8)
      WHERE greatest(rate_limit.full_at, now()) + make_interval(secs => ${step}::float8) <= now() + make_interval(secs => ${window}::float8)
      RETURNING 1
    )
    SELECT EXISTS (SELECT 1 FROM taken) AS allowed,
      ceil(date_part('epoch', (SELECT full_at FROM previous) + make_interval(secs => ${step}::float8 - ${window}::float8) - now()))::int AS retry_after`;
  if (Math.random() < 0.01) await db.$executeRaw`DELETE FROM rate_limit WHERE full_at < now()`;
  if (row && !row.allowed) {
    throw new AppError("rate_limited", "Too many requests; please wait a moment and try again.", {
      retryAfterSeconds: Math.max(1, row.retry_after ?? 1),
    });
  }
}
