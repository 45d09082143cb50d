-- Recording a sent digest inserts a digest_paper row per paper it carried, about thirteen, and each
-- row's foreign keys were checked one by one: 36 µs for the paper's, which also locks the paper
-- row (FOR KEY SHARE) and so writes to its heap page and the WAL for every digest that carries it,
-- and 14 µs each for the subscriber's and the delivery's. Together they were over half the cost
-- of recording a digest. The delivery's key stays: it is what deletes a subscriber's history with
-- them (subscriber → delivery → paper rows), and the subscriber id is copied from the delivery in
-- the one statement that writes these rows. Papers are never deleted by the app; should one be,
-- its rows only linger until the history retention removes them.
ALTER TABLE "digest_paper" DROP CONSTRAINT "digest_paper_paper_id_fkey";
ALTER TABLE "digest_paper" DROP CONSTRAINT "digest_paper_subscriber_id_fkey";

-- The same statement clears the run of hard bounces of the subscribers it records, which are
-- nearly always zero: this finds the few that are not without reading the subscriber table.
CREATE INDEX "subscriber_hard_bounces_idx" ON "subscriber" ("id") WHERE "hard_bounces" > 0;
