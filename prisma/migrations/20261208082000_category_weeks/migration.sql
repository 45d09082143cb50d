-- A category page's chart counts its papers per listing week over a year. Counted per view, that
-- read every paper of the category in the year (two thirds of a large category's rows at a
-- million papers, through the GIN index ANDed with the listing-day index). The counts are kept
-- here instead, per category and ISO week (its Monday), and written with the papers: a statement's
-- inserted or deleted papers are counted in one grouped upsert, and a paper whose categories or
-- listing day change moves its counts. A paper counts once in each category it lists. Keys are
-- written in order, so two statements that count the same weeks wait for each other rather than
-- deadlock.

CREATE TABLE "category_week" (
    "category" TEXT NOT NULL,
    "week" DATE NOT NULL,
    "papers" INTEGER NOT NULL,
    CONSTRAINT "category_week_pkey" PRIMARY KEY ("category", "week")
);

CREATE FUNCTION category_week_inserted() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO category_week (category, week, papers)
    SELECT c.category, date_trunc('week', p.listed_on)::date, count(*)::int
    FROM new_papers p CROSS JOIN LATERAL (SELECT DISTINCT unnest(p.categories) AS category) AS c
    GROUP BY 1, 2
    ORDER BY 1, 2
    ON CONFLICT (category, week) DO UPDATE SET papers = category_week.papers + excluded.papers;
    RETURN NULL;
END
$$;

CREATE FUNCTION category_week_deleted() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO category_week (category, week, papers)
    SELECT c.category, date_trunc('week', p.listed_on)::date, -count(*)::int
    FROM old_papers p CROSS JOIN LATERAL (SELECT DISTINCT unnest(p.categories) AS category) AS c
    GROUP BY 1, 2
    ORDER BY 1, 2
    ON CONFLICT (category, week) DO UPDATE SET papers = category_week.papers + excluded.papers;
    RETURN NULL;
END
$$;

CREATE FUNCTION category_week_moved() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO category_week (category, week, papers)
    SELECT c.category, date_trunc('week', w.listed_on)::date, sum(w.sign)::int
    FROM (VALUES (OLD.categories, OLD.listed_on, -1), (NEW.categories, NEW.listed_on, 1)) AS w(categories, listed_on, sign)
    CROSS JOIN LATERAL (SELECT DISTINCT unnest(w.categories) AS category) AS c
    GROUP BY 1, 2
    ORDER BY 1, 2
    ON CONFLICT (category, week) DO UPDATE SET papers = category_week.papers + excluded.papers;
    RETURN NULL;
END
$$;

CREATE FUNCTION category_week_emptied() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    DELETE FROM category_week;
    RETURN NULL;
END
$$;

CREATE TRIGGER "paper_category_week_insert" AFTER INSERT ON "paper"
    REFERENCING NEW TABLE AS new_papers FOR EACH STATEMENT EXECUTE FUNCTION category_week_inserted();
CREATE TRIGGER "paper_category_week_delete" AFTER DELETE ON "paper"
    REFERENCING OLD TABLE AS old_papers FOR EACH STATEMENT EXECUTE FUNCTION category_week_deleted();
CREATE TRIGGER "paper_category_week_update" AFTER UPDATE OF categories, listed_on ON "paper"
    FOR EACH ROW WHEN (OLD.categories IS DISTINCT FROM NEW.categories OR OLD.listed_on IS DISTINCT FROM NEW.listed_on)
    EXECUTE FUNCTION category_week_moved();
CREATE TRIGGER "paper_category_week_truncate" AFTER TRUNCATE ON "paper"
    FOR EACH STATEMENT EXECUTE FUNCTION category_week_emptied();

-- The papers already here.
INSERT INTO category_week (category, week, papers)
SELECT c.category, date_trunc('week', p.listed_on)::date, count(*)::int
FROM paper p CROSS JOIN LATERAL (SELECT DISTINCT unnest(p.categories) AS category) AS c
GROUP BY 1, 2;
