-- Each reader's ranked /for-you list per period, kept once computed and read by key on a view
-- (lib/for-you/stored-recommendations.ts): ranking and explaining the candidates was most of the
-- page's cost. A list holds while what it was ranked from holds: the reader's taste version (their
-- model), the similarity index's version (new or revised papers, the candidates) and the UTC day
-- (the period's window). In PostgreSQL, so every app instance shares it.

-- How many times the similarity index changed: every statement that writes paper vectors (a refresh
-- writes the postings and similar papers in the same transaction) counts one.
CREATE TABLE "similarity_index_state" (
    "id" BOOLEAN PRIMARY KEY DEFAULT true CHECK ("id"),
    "version" BIGINT NOT NULL DEFAULT 0
);
INSERT INTO "similarity_index_state" DEFAULT VALUES;

CREATE FUNCTION similarity_index_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "similarity_index_state" SET "version" = "version" + 1;
    RETURN NULL;
END $$;

CREATE TRIGGER paper_vector_index_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "paper_vector"
    FOR EACH STATEMENT EXECUTE FUNCTION similarity_index_changed();

CREATE TABLE "reader_recommendation" (
    "reader_id" INTEGER NOT NULL REFERENCES "reader" ("id") ON DELETE CASCADE,
    "period" TEXT NOT NULL,
    "paper_limit" INTEGER NOT NULL,
    "taste_version" INTEGER NOT NULL,
    "index_version" BIGINT NOT NULL,
    "day" DATE NOT NULL,
    -- Best first: [{"id": paper id, "score", "because": [arXiv ids], "terms": [labels]}].
    "papers" JSONB NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    PRIMARY KEY ("reader_id", "period", "paper_limit")
);
