-- author: matches whole words of the folded author names. It was found through the trigram index,
-- which is no help for a short or common name: "yan" is inside Ryan, Yang and Bryant, 275,000 of a
-- million author lists, and "wu" has no trigram at all. An index of the names' words finds exactly
-- the papers with that word.

-- The words of a folded author list: its runs of letters and digits.
CREATE FUNCTION paper_author_words(authors_folded text) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT array_remove(regexp_split_to_array(authors_folded, '[^[:alnum:]]+'), '') $$;

SET LOCAL maintenance_work_mem = '256MB';
CREATE INDEX "paper_author_words_idx" ON "paper" USING gin (paper_author_words("authors_folded"));
