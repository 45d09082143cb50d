-- Digest deliveries: one row per subscriber and period (a day or an ISO week in their time zone),
-- claimed before anything is sent, so no run, retry or second instance ever sends a period twice;
-- and the papers each digest carried, so no paper is ever sent twice to the same subscriber.

CREATE TYPE "digest_status" AS ENUM ('claimed', 'sending', 'sent', 'failed', 'skipped');

CREATE TABLE "digest_delivery" (
    "id" SERIAL PRIMARY KEY,
    "subscriber_id" INTEGER NOT NULL REFERENCES "subscriber" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    -- "2026-11-25" (daily) or "2026-W48" (weekly), in the subscriber's time zone.
    "period_key" TEXT NOT NULL CHECK ("period_key" ~ '^\d{4}-(\d{2}-\d{2}|W\d{2})$'),
    -- claimed: owned by a run until lease_expires_at; sending: handed to SMTP right now;
    -- sent / skipped (nothing new) / failed: final.
    "status" "digest_status" NOT NULL DEFAULT 'claimed',
    -- SMTP transactions tried, across runs.
    "attempts" INTEGER NOT NULL DEFAULT 0 CHECK ("attempts" >= 0),
    "last_error" TEXT,
    -- The papers considered arrived in (window_start, window_end]; the next digest starts where a
    -- sent or skipped one ended.
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "window_end" TIMESTAMPTZ(3) NOT NULL,
    -- A claim still unsent when its period is over is given up: the next period takes its papers.
    "period_ends_at" TIMESTAMPTZ(3) NOT NULL,
    -- The run that holds the claim, and until when. Another run may take over an expired lease.
    "claimed_by" TEXT,
    "claimed_at" TIMESTAMPTZ(3) NOT NULL,
    "lease_expires_at" TIMESTAMPTZ(3),
    -- Stable per subscriber and period, so a receiver can drop a duplicate.
    "message_id" TEXT NOT NULL,
    "paper_count" SMALLINT,
    "sent_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    CHECK (("status" IN ('claimed', 'sending')) = ("lease_expires_at" IS NOT NULL)),
    CHECK (("status" = 'sent') = ("sent_at" IS NOT NULL))
);

-- The exactly-once guarantee: a second claim of the same period inserts nothing.
CREATE UNIQUE INDEX "digest_delivery_subscriber_id_period_key_key" ON "digest_delivery" ("subscriber_id", "period_key");
-- The due scan reads each subscriber's latest claim, and where their last digest ended.
CREATE INDEX "digest_delivery_subscriber_id_claimed_at_idx" ON "digest_delivery" ("subscriber_id", "claimed_at" DESC);
CREATE INDEX "digest_delivery_subscriber_id_window_end_idx" ON "digest_delivery" ("subscriber_id", "window_end" DESC)
    WHERE "status" IN ('sent', 'skipped');
-- Runs resume deliveries whose lease ran out (their run died, or they wait to be retried).
CREATE INDEX "digest_delivery_lease_expires_at_idx" ON "digest_delivery" ("lease_expires_at")
    WHERE "status" IN ('claimed', 'sending');

CREATE TABLE "digest_paper" (
    "subscriber_id" INTEGER NOT NULL REFERENCES "subscriber" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    "paper_id" INTEGER NOT NULL REFERENCES "paper" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    "delivery_id" INTEGER NOT NULL REFERENCES "digest_delivery" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    -- Place in the email, from 1; "also trending" papers follow the matches.
    "position" SMALLINT NOT NULL,
    "also_trending" BOOLEAN NOT NULL DEFAULT false,
    -- A paper goes to a subscriber at most once, whichever digest and section carried it.
    PRIMARY KEY ("subscriber_id", "paper_id")
);

CREATE INDEX "digest_paper_delivery_id_idx" ON "digest_paper" ("delivery_id");

-- Digests pick papers by arrival in PaperPulse.
CREATE INDEX "paper_created_at_idx" ON "paper" ("created_at");
