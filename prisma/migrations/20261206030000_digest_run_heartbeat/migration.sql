-- Digest runs in progress, each beating every few seconds while it works. A run whose heartbeat
-- stopped has died (kill -9, a crash, a lost machine): the next run takes over its claims at once
-- instead of waiting out their leases.
CREATE TABLE "digest_run" (
    "id" TEXT PRIMARY KEY,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "heartbeat_at" TIMESTAMPTZ(3) NOT NULL
);
