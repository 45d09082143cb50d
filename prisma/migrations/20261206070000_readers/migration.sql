-- Readers (people signed in by an emailed link), their sessions, libraries, tags, ratings,
-- API tokens and imports waiting for arXiv. A reader is the same person as the subscriber with
-- the same address: both tables hold it trimmed and lower-cased, and the account page joins on it.

CREATE TABLE "reader" (
    "id" SERIAL PRIMARY KEY,
    "email" TEXT NOT NULL CHECK ("email" = lower(btrim("email")) AND length("email") BETWEEN 3 AND 254),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    "last_sign_in_at" TIMESTAMPTZ(3)
);
CREATE UNIQUE INDEX "reader_email_key" ON "reader" ("email");

-- A sign-in link: "<id>.<secret>", the secret kept only as SHA-256. It names an address, not a
-- reader, so asking for a link creates no account; the reader row appears when the link is used.
CREATE TABLE "sign_in_token" (
    "id" TEXT PRIMARY KEY,
    "email" TEXT NOT NULL,
    "secret_hash" BYTEA NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now()
);
CREATE INDEX "sign_in_token_email_idx" ON "sign_in_token" ("email");
CREATE INDEX "sign_in_token_expires_at_idx" ON "sign_in_token" ("expires_at");

-- A browser's session: the cookie holds "<id>.<secret>"; expires_at slides forward with use.
CREATE TABLE "reader_session" (
    "id" TEXT PRIMARY KEY,
    "reader_id" INTEGER NOT NULL REFERENCES "reader" ("id") ON DELETE CASCADE,
    "secret_hash" BYTEA NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now()
);
CREATE INDEX "reader_session_reader_id_idx" ON "reader_session" ("reader_id");
CREATE INDEX "reader_session_expires_at_idx" ON "reader_session" ("expires_at");

-- A personal API token: "pp_<id>.<secret>", the secret kept only as SHA-256.
CREATE TABLE "reader_api_token" (
    "id" TEXT PRIMARY KEY,
    "reader_id" INTEGER NOT NULL REFERENCES "reader" ("id") ON DELETE CASCADE,
    "name" TEXT NOT NULL CHECK (length("name") BETWEEN 1 AND 60),
    "secret_hash" BYTEA NOT NULL,
    "last_used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now()
);
CREATE INDEX "reader_api_token_reader_id_idx" ON "reader_api_token" ("reader_id");

CREATE TABLE "library_item" (
    "reader_id" INTEGER NOT NULL REFERENCES "reader" ("id") ON DELETE CASCADE,
    "paper_id" INTEGER NOT NULL REFERENCES "paper" ("id") ON DELETE CASCADE,
    "saved_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    PRIMARY KEY ("reader_id", "paper_id")
);
-- The library's default order, read as a keyset: newest saved first.
CREATE INDEX "library_item_saved_idx" ON "library_item" ("reader_id", "saved_at" DESC, "paper_id" DESC);
-- Deleting a paper finds its library rows.
CREATE INDEX "library_item_paper_idx" ON "library_item" ("paper_id");

CREATE TABLE "library_tag" (
    "id" SERIAL PRIMARY KEY,
    "reader_id" INTEGER NOT NULL REFERENCES "reader" ("id") ON DELETE CASCADE,
    "name" TEXT NOT NULL CHECK (length("name") BETWEEN 1 AND 40 AND "name" = btrim("name")),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX "library_tag_reader_name_key" ON "library_tag" ("reader_id", lower("name"));

CREATE TABLE "library_item_tag" (
    "reader_id" INTEGER NOT NULL,
    "tag_id" INTEGER NOT NULL REFERENCES "library_tag" ("id") ON DELETE CASCADE,
    "paper_id" INTEGER NOT NULL,
    PRIMARY KEY ("reader_id", "tag_id", "paper_id"),
    FOREIGN KEY ("reader_id", "paper_id") REFERENCES "library_item" ("reader_id", "paper_id") ON DELETE CASCADE
);
-- A library page lists each item's tags; removing an item finds its tag rows.
CREATE INDEX "library_item_tag_item_idx" ON "library_item_tag" ("reader_id", "paper_id");

-- "More like this" (more) or "Not for me" (less): one state per reader and paper; no row, no opinion.
CREATE TYPE "paper_rating_value" AS ENUM ('more', 'less');
CREATE TABLE "paper_rating" (
    "reader_id" INTEGER NOT NULL REFERENCES "reader" ("id") ON DELETE CASCADE,
    "paper_id" INTEGER NOT NULL REFERENCES "paper" ("id") ON DELETE CASCADE,
    "rating" "paper_rating_value" NOT NULL,
    "rated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    PRIMARY KEY ("reader_id", "paper_id")
);
CREATE INDEX "paper_rating_paper_idx" ON "paper_rating" ("paper_id");

-- Imported arXiv ids PaperPulse does not have yet, fetched from arXiv and saved once they arrive.
CREATE TABLE "library_import_pending" (
    "reader_id" INTEGER NOT NULL REFERENCES "reader" ("id") ON DELETE CASCADE,
    "arxiv_id" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    PRIMARY KEY ("reader_id", "arxiv_id")
);
CREATE INDEX "library_import_pending_due_idx" ON "library_import_pending" ("next_attempt_at");

-- A signed-in reader's upvote: one per reader (its voter hash derives from the reader id), and it
-- goes with the account.
ALTER TABLE "upvote" ADD COLUMN "reader_id" INTEGER REFERENCES "reader" ("id") ON DELETE SET NULL;
CREATE INDEX "upvote_reader_idx" ON "upvote" ("reader_id") WHERE "reader_id" IS NOT NULL;
