-- Rate limits become token buckets: fixed windows let a client spend the limit at the end of one
-- window and again at the start of the next. A bucket needs one timestamp per key, the moment it
-- is full again (each request pushes it a window/limit further; a request that would push it more
-- than a window ahead is refused), which is also when its row stops carrying any information.
DELETE FROM "rate_limit";
ALTER TABLE "rate_limit" DROP CONSTRAINT "rate_limit_pkey";
ALTER TABLE "rate_limit" DROP COLUMN "window_start", DROP COLUMN "count";
ALTER TABLE "rate_limit" RENAME COLUMN "expires_at" TO "full_at";
ALTER INDEX "rate_limit_expires_at_idx" RENAME TO "rate_limit_full_at_idx";
ALTER TABLE "rate_limit" ADD PRIMARY KEY ("key");
