-- Several app instances on one database behave as one.
-- A scheduled job's slot (its cron time) is claimed by inserting a row: the instance whose insert
-- succeeds runs the job, the others skip it, so each slot runs once however many instances fire.
CREATE TABLE "scheduled_job_slot" (
    "job" TEXT NOT NULL,
    "slot" TIMESTAMPTZ(3) NOT NULL,
    "claimed_by" TEXT NOT NULL,
    "claimed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    PRIMARY KEY ("job", "slot")
);
CREATE INDEX "scheduled_job_slot_slot_idx" ON "scheduled_job_slot" ("slot");

-- A long job that must not run twice at once (the ingest), held by one instance and renewed while
-- it runs; a lease past its expiry belonged to an instance that died and may be taken over.
CREATE TABLE "job_lease" (
    "job" TEXT PRIMARY KEY,
    "holder" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL
);

-- The politeness gate of an outside API (arXiv asks for one request per 3 s): the earliest time the
-- next request may go, per host, moved forward atomically by whichever instance asks next.
CREATE TABLE "request_gate" (
    "host" TEXT PRIMARY KEY,
    "next_allowed_at" TIMESTAMPTZ(3) NOT NULL
);
