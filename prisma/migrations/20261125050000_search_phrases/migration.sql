-- Two things search needs to stay fast at a million papers.
--
-- 1. Phrases. The GIN index over search_vector knows which papers hold a word, not where, so a
--    phrase of two common words ("language model") made PostgreSQL read and recheck every paper
--    holding both: 1.5 s at 1M papers. An index of each paper's adjacent word pairs finds the
--    papers where the words stand side by side (see textConditionSql in lib/search/search-sql.ts
--    for how a query uses it). It is an expression index, so no column stores the pairs.
--
-- 2. "Did you mean". Comparing a misspelt word with a million titles by trigrams took up to
--    seconds. Instead, the words of titles and author names are kept in a small table of their
--    own, kept current by triggers, whose trigram index answers in milliseconds (the approach
--    PostgreSQL's manual suggests for spelling suggestions).

-- The pairs "a b" of lexemes at adjacent positions of a vector, e.g. {"diffus model"}. A phrase's
-- own pairs are a subset of the pairs of every paper that matches it (see lib/search/required-terms.ts).
CREATE FUNCTION paper_word_pairs(vector tsvector) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$
        SELECT coalesce(array_agg(DISTINCT first.lexeme || ' ' || second.lexeme), '{}')
        FROM (SELECT lexeme, unnest(positions) AS position FROM unnest(vector)) first
        JOIN (SELECT lexeme, unnest(positions) AS position FROM unnest(vector)) second
          ON second.position = first.position + 1
    $$;

SET LOCAL maintenance_work_mem = '256MB';
CREATE INDEX "paper_word_pairs_idx" ON "paper" USING gin (paper_word_pairs("search_vector"));

-- Every word of a title or an author name, folded like title_folded and authors_folded, with
-- roughly how many papers use it (to prefer the commoner of two equally close corrections).
CREATE TABLE "search_word" (
    "word" text PRIMARY KEY,
    "papers" integer NOT NULL
);
CREATE INDEX "search_word_trgm_idx" ON "search_word" USING gin ("word" gin_trgm_ops);

-- The words of a paper's folded title and author names.
CREATE FUNCTION paper_words(title_folded text, authors_folded text) RETURNS SETOF text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
        SELECT DISTINCT word
        FROM regexp_split_to_table(coalesce(title_folded, '') || ' ' || coalesce(authors_folded, ''), '[^[:alnum:]]+') AS word
        WHERE length(word) BETWEEN 3 AND 40 AND word !~ '^[0-9]+$'
    $$;

-- Adds the words of the given titles and author lists, all in one statement. Words are taken in one
-- order so concurrent writers cannot deadlock, and never removed: a stale one costs no more than a
-- suggestion the caller checks and drops.
CREATE FUNCTION search_word_add(titles_folded text[], authors_folded text[]) RETURNS void
    LANGUAGE sql
    AS $$
        INSERT INTO search_word AS w (word, papers)
        SELECT word, count(*)::int
        FROM unnest(titles_folded, authors_folded) AS p(title_folded, authors_folded),
             paper_words(p.title_folded, p.authors_folded) AS word
        GROUP BY word
        ORDER BY word
        ON CONFLICT (word) DO UPDATE SET papers = w.papers + EXCLUDED.papers
    $$;

-- Statement-level triggers: one insert into search_word per written batch, not one per paper.
CREATE FUNCTION search_word_add_inserted() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    PERFORM search_word_add(array_agg(title_folded), array_agg(authors_folded)) FROM inserted_papers;
    RETURN NULL;
END
$$;

CREATE TRIGGER "paper_search_word_insert" AFTER INSERT ON "paper"
    REFERENCING NEW TABLE AS inserted_papers
    FOR EACH STATEMENT EXECUTE FUNCTION search_word_add_inserted();

-- An update adds the words of the titles and author lists it changed (an upvote changes neither).
CREATE FUNCTION search_word_add_changed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    PERFORM search_word_add(array_agg(p.title_folded), array_agg(p.authors_folded))
    FROM new_papers p JOIN old_papers o ON o.id = p.id
    WHERE (p.title_folded, p.authors_folded) IS DISTINCT FROM (o.title_folded, o.authors_folded);
    RETURN NULL;
END
$$;

CREATE TRIGGER "paper_search_word_update" AFTER UPDATE ON "paper"
    REFERENCING OLD TABLE AS old_papers NEW TABLE AS new_papers
    FOR EACH STATEMENT EXECUTE FUNCTION search_word_add_changed();

INSERT INTO search_word (word, papers)
SELECT word, count(*)::int
FROM paper p, paper_words(p.title_folded, p.authors_folded) AS word
GROUP BY word;
