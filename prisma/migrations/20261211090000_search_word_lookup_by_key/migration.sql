-- search_word_add looks every word of a written batch up in search_word by its key. The trigram
-- index (did-you-mean's) answers `=` too, and while search_word had no statistics the planner took
-- it: a trigram search for each word, and a 10,000-paper insert of the bench corpus took minutes.
-- The ingest's statements are planned the same way (the batch's size is a parameter the planner
-- cannot see), so a fresh install's first large ingest could do the same until autovacuum analyzed
-- the table. A GIN index is only ever read through a bitmap scan: without them, this lookup can only
-- use the key (or read the table once), whatever the statistics say.
ALTER FUNCTION search_word_add(text[], text[]) SET enable_bitmapscan = off;
