-- A window of the feed (a day, a week, a month) picks its top papers from this index alone
-- (an index-only scan of the window's entries), and only the page's rows are read from the
-- table. It also answers "nearest day with papers", so the plain listed_on index goes.
CREATE INDEX "paper_listed_on_trending_score_id_idx" ON "paper" ("listed_on", "trending_score" DESC, "id" DESC);
DROP INDEX "paper_listed_on_idx";
