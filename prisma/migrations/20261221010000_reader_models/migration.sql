-- Each reader's recommendation model, trained when their saves or ratings change and read by
-- /for-you and the digest instead of being trained on every view and in every digest
-- (lib/recommend/stored-reader-model.ts). Compact: the bias and the weights that matter most.

-- How many times the reader's saves and ratings changed (the triggers below count): a model keeps
-- the count it learned from, so a retrain that read an older library never replaces one that read
-- a newer (several app instances may retrain at once), and a model whose count is behind is stale.
ALTER TABLE "reader" ADD COLUMN "taste_version" INTEGER NOT NULL DEFAULT 0;

CREATE TABLE "reader_model" (
    "reader_id" INTEGER PRIMARY KEY REFERENCES "reader" ("id") ON DELETE CASCADE,
    "taste_version" INTEGER NOT NULL,
    -- The liked and disliked papers it learned from (those with vectors): one indexed since is news.
    "papers" INTEGER NOT NULL,
    "bias" DOUBLE PRECISION NOT NULL,
    "term_ids" INTEGER[] NOT NULL,
    "weights" REAL[] NOT NULL CHECK (cardinality("weights") = cardinality("term_ids")),
    -- The score a digest's pick must beat: the model's 95th percentile over its background papers.
    "bar" DOUBLE PRECISION,
    "trained_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now()
);

CREATE FUNCTION reader_taste_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "reader" SET "taste_version" = "taste_version" + 1 WHERE "id" IN (SELECT "reader_id" FROM changed);
    RETURN NULL;
END $$;

CREATE TRIGGER library_item_taste_added AFTER INSERT ON "library_item"
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION reader_taste_changed();
CREATE TRIGGER library_item_taste_removed AFTER DELETE ON "library_item"
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION reader_taste_changed();
CREATE TRIGGER paper_rating_taste_added AFTER INSERT ON "paper_rating"
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION reader_taste_changed();
CREATE TRIGGER paper_rating_taste_updated AFTER UPDATE ON "paper_rating"
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION reader_taste_changed();
CREATE TRIGGER paper_rating_taste_removed AFTER DELETE ON "paper_rating"
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION reader_taste_changed();
