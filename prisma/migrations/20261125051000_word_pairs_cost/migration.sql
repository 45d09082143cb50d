-- Computing a paper's word pairs reads its whole search vector (~0.2 ms a paper). At the default
-- cost the planner would gladly test them row by row instead of looking them up in their index.
ALTER FUNCTION paper_word_pairs(tsvector) COST 1000;
