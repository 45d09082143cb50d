-- Each statement that wrote papers used to upsert category_week and search_word right away, its
-- keys in order; but a batch is several statements in one transaction, and a row a transaction
-- writes stays locked until it ends. Two batches whose statements met the same keys in different
-- orders (cs.LG then cs.CV in one, the reverse in the other) deadlocked, and the ingest bench lost
-- 4,500 of 10,000 papers to it. Now a statement only appends its changes to a table of deltas
-- (nobody else's rows, so it waits for no one), and at commit one deferred trigger applies all of
-- the transaction's deltas: category_week's in key order, then search_word's in key order. Every
-- writer locks the counters in that one global order and only at its end, so writers wait for
-- each other there but never deadlock. Readers see the same tables as before.

-- Deltas and the transactions owing some: written and read only by the transaction they belong
-- to, so unlogged (a crash aborts that transaction anyway).
CREATE UNLOGGED TABLE "category_week_delta" (
    "tx" xid8 NOT NULL DEFAULT pg_current_xact_id(),
    "category" TEXT NOT NULL,
    "week" DATE NOT NULL,
    "papers" INTEGER NOT NULL
);
CREATE INDEX "category_week_delta_tx_idx" ON "category_week_delta" ("tx");

CREATE UNLOGGED TABLE "search_word_delta" (
    "tx" xid8 NOT NULL DEFAULT pg_current_xact_id(),
    "word" TEXT NOT NULL,
    "papers" INTEGER NOT NULL
);
CREATE INDEX "search_word_delta_tx_idx" ON "search_word_delta" ("tx");

CREATE UNLOGGED TABLE "paper_counts_due" (
    "tx" xid8 PRIMARY KEY DEFAULT pg_current_xact_id()
);

-- The first delta of a transaction queues one flush for its commit; later ones find the row there.
CREATE FUNCTION paper_counts_due() RETURNS void
    LANGUAGE sql
    AS $$
        INSERT INTO paper_counts_due DEFAULT VALUES ON CONFLICT (tx) DO NOTHING
    $$;

CREATE FUNCTION paper_counts_flush() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    DELETE FROM paper_counts_due WHERE tx = NEW.tx;
    WITH deltas AS (DELETE FROM category_week_delta WHERE tx = NEW.tx RETURNING category, week, papers)
    INSERT INTO category_week AS w (category, week, papers)
    SELECT category, week, sum(papers)::int FROM deltas
    GROUP BY category, week
    HAVING sum(papers) <> 0
    ORDER BY category, week
    ON CONFLICT (category, week) DO UPDATE SET papers = w.papers + excluded.papers;
    WITH deltas AS (DELETE FROM search_word_delta WHERE tx = NEW.tx RETURNING word, papers)
    INSERT INTO search_word AS w (word, papers)
    SELECT word, sum(papers)::int FROM deltas
    GROUP BY word
    ORDER BY word
    ON CONFLICT (word) DO UPDATE SET papers = w.papers + excluded.papers;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER "paper_counts_flush" AFTER INSERT ON "paper_counts_due"
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION paper_counts_flush();

CREATE OR REPLACE FUNCTION category_week_inserted() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO category_week_delta (category, week, papers)
    SELECT c.category, date_trunc('week', p.listed_on)::date, count(*)::int
    FROM new_papers p CROSS JOIN LATERAL (SELECT DISTINCT unnest(p.categories) AS category) AS c
    GROUP BY 1, 2;
    IF FOUND THEN
        PERFORM paper_counts_due();
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION category_week_deleted() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO category_week_delta (category, week, papers)
    SELECT c.category, date_trunc('week', p.listed_on)::date, -count(*)::int
    FROM old_papers p CROSS JOIN LATERAL (SELECT DISTINCT unnest(p.categories) AS category) AS c
    GROUP BY 1, 2;
    IF FOUND THEN
        PERFORM paper_counts_due();
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION category_week_moved() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO category_week_delta (category, week, papers)
    SELECT c.category, date_trunc('week', w.listed_on)::date, w.sign
    FROM (VALUES (OLD.categories, OLD.listed_on, -1), (NEW.categories, NEW.listed_on, 1)) AS w(categories, listed_on, sign)
    CROSS JOIN LATERAL (SELECT DISTINCT unnest(w.categories) AS category) AS c;
    IF FOUND THEN
        PERFORM paper_counts_due();
    END IF;
    RETURN NULL;
END
$$;

-- TRUNCATE locks out every other writer of paper, so no one else has deltas; this transaction's
-- own, from before the truncate, counted papers that are gone.
CREATE OR REPLACE FUNCTION category_week_emptied() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    DELETE FROM category_week;
    DELETE FROM category_week_delta WHERE tx = pg_current_xact_id();
    RETURN NULL;
END
$$;

-- Words already in a thousand papers stay as they are (see 20261208083001_search_word_common_words);
-- the lookup keeps bitmap scans off (see 20261211090000_search_word_lookup_by_key), which a
-- replaced function would otherwise lose.
CREATE OR REPLACE FUNCTION search_word_add(titles_folded text[], authors_folded text[]) RETURNS void
    LANGUAGE plpgsql
    SET enable_bitmapscan = off
    AS $$
BEGIN
    INSERT INTO search_word_delta (word, papers)
    SELECT added.word, count(*)::int
    FROM unnest(titles_folded, authors_folded) AS p(title_folded, authors_folded),
         paper_words(p.title_folded, p.authors_folded) AS added(word)
    WHERE NOT EXISTS (SELECT 1 FROM search_word common WHERE common.word = added.word AND common.papers >= 1000)
    GROUP BY added.word;
    IF FOUND THEN
        PERFORM paper_counts_due();
    END IF;
END
$$;
