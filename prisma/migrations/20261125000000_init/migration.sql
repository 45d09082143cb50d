-- Papers, votes and rate limits.

CREATE TYPE "paper_source" AS ENUM ('seed', 'arxiv', 'huggingface', 'submitted');

CREATE TABLE "paper" (
    "id" SERIAL PRIMARY KEY,
    "arxiv_id" TEXT NOT NULL,
    "version" INTEGER,
    "title" TEXT NOT NULL,
    "abstract" TEXT NOT NULL,
    "authors" TEXT[] NOT NULL DEFAULT '{}',
    "published_on" DATE,
    "revised_on" DATE,
    "listed_on" DATE NOT NULL,
    "primary_category" TEXT,
    "categories" TEXT[] NOT NULL DEFAULT '{}',
    "doi" TEXT,
    "comment" TEXT,
    "journal_ref" TEXT,
    "github_repo" TEXT,
    "github_stars" INTEGER,
    "upvote_count" INTEGER NOT NULL DEFAULT 0 CHECK ("upvote_count" >= 0),
    "external_upvotes" INTEGER NOT NULL DEFAULT 0 CHECK ("external_upvotes" >= 0),
    "votes" INTEGER GENERATED ALWAYS AS ("upvote_count" + "external_upvotes") STORED,
    -- Trending score: every two days of recency is worth a doubling of votes. It does not depend on
    -- "now", so it can be stored and indexed, and a page's order never shifts under a cursor.
    "trending_score" DOUBLE PRECISION GENERATED ALWAYS AS (
        ln(1 + ("upvote_count" + "external_upvotes")::float8) / ln(2::float8)
        + ("listed_on" - DATE '1970-01-01')::float8 / 2
    ) STORED,
    "source" "paper_source" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX "paper_arxiv_id_key" ON "paper" ("arxiv_id");
CREATE INDEX "paper_listed_on_idx" ON "paper" ("listed_on");
-- Keyset pagination of the trending feed and of "all time" by votes.
CREATE INDEX "paper_trending_idx" ON "paper" ("trending_score" DESC, "id" DESC);
CREATE INDEX "paper_votes_idx" ON "paper" ("votes" DESC, "id" DESC);

CREATE TABLE "upvote" (
    "paper_id" INTEGER NOT NULL REFERENCES "paper" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    "voter_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    PRIMARY KEY ("paper_id", "voter_hash")
);

CREATE TABLE "rate_limit" (
    "key" TEXT NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    PRIMARY KEY ("key", "window_start")
);
CREATE INDEX "rate_limit_expires_at_idx" ON "rate_limit" ("expires_at");
