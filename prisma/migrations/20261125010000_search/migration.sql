-- Keyword search: a weighted full-text vector per paper, trigram indexes for "did you mean" and
-- search-as-you-type, and the indexes the search filters and sorts use.

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- English stemming after folding accents, so "transformers" finds "Transformer" and "Schölkopf"
-- finds "Scholkopf". Only non-ASCII word tokens pass through unaccent; ASCII words skip it.
CREATE TEXT SEARCH CONFIGURATION paper_search (COPY = english);
ALTER TEXT SEARCH CONFIGURATION paper_search
    ALTER MAPPING FOR word, hword, hword_part WITH unaccent, english_stem;

-- A generated column and an index expression may only call IMMUTABLE functions, and
-- array_to_string and unaccent are merely STABLE (they read settings and dictionaries that could
-- change). These wrappers promise what holds for us: the same input always gives the same text.
CREATE FUNCTION paper_authors_text(authors text[]) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT array_to_string(authors, ', ') $$;

-- Lower case without accents: what the trigram indexes and their queries compare.
CREATE FUNCTION paper_fold(value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, value)) $$;

-- Title weighs most (A), then authors (B), then the abstract (C).
ALTER TABLE "paper" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('paper_search', "title"), 'A')
    || setweight(to_tsvector('paper_search', paper_authors_text("authors")), 'B')
    || setweight(to_tsvector('paper_search', "abstract"), 'C')
) STORED;

CREATE INDEX "paper_search_vector_idx" ON "paper" USING gin ("search_vector");
CREATE INDEX "paper_title_trgm_idx" ON "paper" USING gin (paper_fold("title") gin_trgm_ops);
CREATE INDEX "paper_authors_trgm_idx" ON "paper" USING gin (paper_fold(paper_authors_text("authors")) gin_trgm_ops);
-- category: filters.
CREATE INDEX "paper_categories_idx" ON "paper" USING gin ("categories");
-- Newest-first keyset pages, and the newest matches a broad query ranks (see lib/search/ranking.ts).
CREATE INDEX "paper_listed_on_id_idx" ON "paper" ("listed_on" DESC, "id" DESC);
