-- How many times anything a reader's own pages show of them changed: saves, ratings, tags. A copy
-- of /library or /for-you rendered for them is served again only while this count is the one it
-- was rendered at (lib/readers/reader-page-copies.ts). Counted per statement, as taste_version.
ALTER TABLE "reader" ADD COLUMN "page_version" INTEGER NOT NULL DEFAULT 0;

-- A change of taste (a save, a removal, a rating) is a change of the pages too: the taste triggers
-- count both, in one update of the reader's row.
CREATE OR REPLACE FUNCTION reader_taste_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "reader" SET "taste_version" = "taste_version" + 1, "page_version" = "page_version" + 1
    WHERE "id" IN (SELECT "reader_id" FROM changed);
    RETURN NULL;
END $$;

-- What changes the pages alone: a saved paper's row (saved again), tags and tag names.
CREATE FUNCTION reader_pages_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "reader" SET "page_version" = "page_version" + 1 WHERE "id" IN (SELECT "reader_id" FROM changed);
    RETURN NULL;
END $$;

CREATE TRIGGER library_item_pages_updated AFTER UPDATE ON "library_item"
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION reader_pages_changed();
CREATE TRIGGER library_item_tag_pages_added AFTER INSERT ON "library_item_tag"
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION reader_pages_changed();
CREATE TRIGGER library_item_tag_pages_removed AFTER DELETE ON "library_item_tag"
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION reader_pages_changed();
CREATE TRIGGER library_tag_pages_added AFTER INSERT ON "library_tag"
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION reader_pages_changed();
CREATE TRIGGER library_tag_pages_updated AFTER UPDATE ON "library_tag"
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION reader_pages_changed();
CREATE TRIGGER library_tag_pages_removed AFTER DELETE ON "library_tag"
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION reader_pages_changed();
