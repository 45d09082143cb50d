-- Names coined in CamelCase ("LeanAgent", "AlphaMath", "SciLitLLM") are one token to the parser,
-- stemmed whole ('leanag'), so a search for "agent", "math" or "LLM" never found the paper that
-- named its system after them. A title's CamelCase words are now also indexed in parts ("Lean
-- Agent"), after the title's own words and with the title's weight; the whole word stays.
--
-- Changing a generated column's expression rewrites the table and rebuilds its indexes under an
-- exclusive lock (many minutes at a million papers). Instead the column stops being generated
-- (a catalog change, no rewrite) and a trigger computes it on every write of its sources; the
-- next migration updates the few papers whose titles have CamelCase words.

-- The CamelCase words of a title split into parts at each lower-to-upper case step, or ''. Only
-- words with a capital between lower-case letters count, so "LLaMA", "RoBERTa" and "ChatGPT" stay whole.
CREATE FUNCTION paper_title_parts(title text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$
        SELECT coalesce(string_agg(regexp_replace(word[1], '([[:lower:]])([[:upper:]])', '\1 \2', 'g'), ' '), '')
        FROM regexp_matches(title, '([[:alnum:]]*[[:lower:]][[:upper:]][[:lower:]][[:alnum:]]*)', 'g') AS word
    $$;

-- Title weighs most (A), then authors (B), then the abstract (C), as before.
CREATE FUNCTION paper_search_vector(title text, authors text[], abstract text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
        SELECT setweight(to_tsvector('paper_search', title || ' ' || paper_title_parts(title)), 'A')
            || setweight(to_tsvector('paper_search', paper_authors_text(authors)), 'B')
            || setweight(to_tsvector('paper_search', abstract), 'C')
    $$;

ALTER TABLE "paper" ALTER COLUMN "search_vector" DROP EXPRESSION;

CREATE FUNCTION paper_search_vector_set() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW.search_vector := paper_search_vector(NEW.title, NEW.authors, NEW.abstract);
    RETURN NEW;
END
$$;

CREATE TRIGGER "paper_search_vector" BEFORE INSERT OR UPDATE OF title, authors, abstract ON "paper"
    FOR EACH ROW EXECUTE FUNCTION paper_search_vector_set();
