-- Votes that cannot be farmed. Each vote records the network it came from (a hash of its /24 or
-- /64; later a signed-in reader's own key), a network may add only a few new voters to a paper a
-- day, and the trending score counts networks rather than votes: one machine dropping its cookie,
-- or one lab voting as a block, adds one to it, not dozens. The votes shown and "all time" still
-- count every vote.
ALTER TABLE "upvote" ADD COLUMN "network_key" TEXT;
-- Votes from before were not recorded with their network: each counts as one of its own.
UPDATE "upvote" SET "network_key" = 'voter:' || "voter_hash";
ALTER TABLE "upvote" ALTER COLUMN "network_key" SET NOT NULL;
-- The per-paper, per-network count of today's new voters, and whether a network is already counted.
CREATE INDEX "upvote_paper_network_idx" ON "upvote" ("paper_id", "network_key", "created_at");

-- A stored generated column cannot change its expression before PostgreSQL 17: drop it (and its
-- two indexes) and add it again, in one rewrite of the table. Like every index over all papers,
-- this takes minutes at a million papers; release it at a quiet hour.
ALTER TABLE "paper"
    DROP COLUMN "trending_score",
    ADD COLUMN "upvote_networks" INTEGER NOT NULL DEFAULT 0 CHECK ("upvote_networks" >= 0),
    ADD COLUMN "trending_score" DOUBLE PRECISION GENERATED ALWAYS AS (
        ln(1 + ("upvote_networks" + "external_upvotes")::float8) / ln(2::float8)
        + ("listed_on" - DATE '1970-01-01')::float8 / 2
    ) STORED;
UPDATE "paper" SET "upvote_networks" = "upvote_count" WHERE "upvote_count" > 0;

-- Keyset pagination of the trending feed, and a window's top papers from the index alone.
CREATE INDEX "paper_trending_idx" ON "paper" ("trending_score" DESC, "id" DESC);
CREATE INDEX "paper_listed_on_trending_score_id_idx" ON "paper" ("listed_on", "trending_score" DESC, "id" DESC);
