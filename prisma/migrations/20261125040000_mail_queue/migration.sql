-- Transactional mail (confirmations, manage links) that the SMTP server did not take: kept here
-- and retried with backoff, so a subscriber's request succeeds while the mail server is down.
CREATE TABLE "mail_queue" (
    "id" SERIAL PRIMARY KEY,
    "message" JSONB NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL,
    "last_error" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now()
);
CREATE INDEX "mail_queue_next_attempt_at_idx" ON "mail_queue" ("next_attempt_at");
