-- Subscribers, their topics, their link tokens, and the local mail outbox.

CREATE TYPE "subscriber_status" AS ENUM ('pending', 'active', 'unsubscribed');
CREATE TYPE "digest_frequency" AS ENUM ('daily', 'weekly');
CREATE TYPE "pause_reason" AS ENUM ('requested', 'bounced');
CREATE TYPE "topic_kind" AS ENUM ('keyword', 'category', 'author');
CREATE TYPE "token_purpose" AS ENUM ('confirm', 'manage', 'unsubscribe');

CREATE TABLE "subscriber" (
    "id" SERIAL PRIMARY KEY,
    -- Trimmed and lower-cased before it is stored, so a plain unique index makes addresses
    -- unique case-insensitively; the CHECK keeps any other writer honest.
    "email" TEXT NOT NULL CHECK ("email" = lower(btrim("email")) AND length("email") BETWEEN 3 AND 254),
    "status" "subscriber_status" NOT NULL DEFAULT 'pending',
    "frequency" "digest_frequency" NOT NULL DEFAULT 'daily',
    -- ISO weekday of weekly digests: 1 = Monday … 7 = Sunday.
    "weekday" SMALLINT NOT NULL DEFAULT 1 CHECK ("weekday" BETWEEN 1 AND 7),
    -- IANA zone the digest's day is counted in.
    "time_zone" TEXT NOT NULL DEFAULT 'UTC' CHECK (length("time_zone") BETWEEN 1 AND 64),
    "max_papers" SMALLINT NOT NULL DEFAULT 10 CHECK ("max_papers" BETWEEN 1 AND 50),
    -- Send a digest of trending papers even when nothing new matched.
    "send_when_quiet" BOOLEAN NOT NULL DEFAULT false,
    "paused_at" TIMESTAMPTZ(3),
    "pause_reason" "pause_reason",
    -- Consecutive permanent delivery failures; digests pause the subscriber past a threshold.
    "hard_bounces" INTEGER NOT NULL DEFAULT 0 CHECK ("hard_bounces" >= 0),
    "confirmed_at" TIMESTAMPTZ(3),
    "unsubscribed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    CHECK (("paused_at" IS NULL) = ("pause_reason" IS NULL))
);

CREATE UNIQUE INDEX "subscriber_email_key" ON "subscriber" ("email");
-- The digest run scans only the subscribers it may send to.
CREATE INDEX "subscriber_deliverable_idx" ON "subscriber" ("id") WHERE "status" = 'active' AND "paused_at" IS NULL;

CREATE TABLE "subscriber_topic" (
    "subscriber_id" INTEGER NOT NULL REFERENCES "subscriber" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    "kind" "topic_kind" NOT NULL,
    "value" TEXT NOT NULL CHECK (length("value") BETWEEN 1 AND 200),
    "position" SMALLINT NOT NULL,
    PRIMARY KEY ("subscriber_id", "kind", "value")
);

CREATE TABLE "subscriber_token" (
    -- Public half of a link token ("<id>.<secret>"): finds the row, proves nothing by itself.
    "id" TEXT PRIMARY KEY,
    "subscriber_id" INTEGER NOT NULL REFERENCES "subscriber" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    "purpose" "token_purpose" NOT NULL,
    -- SHA-256 of the secret half; the secret itself is never stored.
    "secret_hash" BYTEA NOT NULL CHECK (length("secret_hash") = 32),
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now()
);

CREATE INDEX "subscriber_token_subscriber_id_idx" ON "subscriber_token" ("subscriber_id");
CREATE INDEX "subscriber_token_expires_at_idx" ON "subscriber_token" ("expires_at");

-- Mail kept in the database instead of sent, when no SMTP_URL is configured (shown at /dev/outbox,
-- newest first by id).
CREATE TABLE "outbox" (
    "id" SERIAL PRIMARY KEY,
    "message_id" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    -- The complete RFC 5322 message as it would have gone over SMTP.
    "raw" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now()
);

CREATE INDEX "outbox_recipient_idx" ON "outbox" ("recipient");
