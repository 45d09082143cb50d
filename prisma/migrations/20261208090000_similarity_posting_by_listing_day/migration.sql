-- migrate: no-transaction
-- Recommendations for a recent window (a week, a month) read each strong term's postings within
-- that window. The (term_id, weight DESC) index walks a term's postings by weight and filters by
-- listing day, which at a million papers reads thousands of postings per term to find a week's
-- hundred (600 ms a request); this one reads only the window's postings (6 ms). Built
-- concurrently: the postings table holds 24 rows per paper.
CREATE INDEX CONCURRENTLY IF NOT EXISTS similarity_posting_term_listed_on_idx
  ON similarity_posting (term_id, listed_on) INCLUDE (weight, paper_id);
