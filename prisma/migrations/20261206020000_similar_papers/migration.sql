-- Similar papers computed once, read by key (see docs/similarity.md and lib/similarity).
--
-- Each paper gets a tf-idf vector of its 64 strongest terms (words, word pairs, authors,
-- categories), stored as term ids and weights. Its 12 strongest terms are also posted to an
-- inverted index ordered by weight, through which a paper finds its candidates without scanning
-- the corpus. The top similar papers of each paper are stored with the terms they share.

-- The vocabulary: how many papers use each term (for idf), and how it reads ("human feedback").
CREATE TABLE "similarity_term" (
    "id" serial PRIMARY KEY,
    "term" text NOT NULL UNIQUE,
    "label" text NOT NULL,
    "papers" integer NOT NULL
);

CREATE TABLE "paper_vector" (
    "paper_id" integer PRIMARY KEY REFERENCES "paper" ("id") ON DELETE CASCADE,
    "term_ids" integer[] NOT NULL,
    "weights" real[] NOT NULL,
    "computed_at" timestamptz(3) NOT NULL DEFAULT now()
);

-- The inverted index: the papers whose strongest terms include a term, strongest first. The listing
-- day rides along so that a recent window is filtered from the index alone.
CREATE TABLE "similarity_posting" (
    "term_id" integer NOT NULL,
    "paper_id" integer NOT NULL REFERENCES "paper" ("id") ON DELETE CASCADE,
    "weight" real NOT NULL,
    "listed_on" date NOT NULL,
    PRIMARY KEY ("paper_id", "term_id")
);
CREATE INDEX "similarity_posting_term_idx" ON "similarity_posting" ("term_id", "weight" DESC) INCLUDE ("paper_id", "listed_on");

CREATE TABLE "similar_paper" (
    "paper_id" integer NOT NULL REFERENCES "paper" ("id") ON DELETE CASCADE,
    "similar_id" integer NOT NULL REFERENCES "paper" ("id") ON DELETE CASCADE,
    "score" real NOT NULL,
    -- The shared terms that weighed most, as they read, for "why similar".
    "shared_terms" text[] NOT NULL,
    PRIMARY KEY ("paper_id", "similar_id")
);
CREATE INDEX "similar_paper_similar_id_idx" ON "similar_paper" ("similar_id");

-- Papers whose vector and similar papers are due: filled by triggers on paper, drained by
-- refreshSimilarPapers after every ingest, seed and submission.
CREATE TABLE "similarity_queue" (
    "paper_id" integer PRIMARY KEY REFERENCES "paper" ("id") ON DELETE CASCADE,
    "queued_at" timestamptz(3) NOT NULL DEFAULT now()
);

-- Statement-level triggers: one insert into the queue per written batch, not one per paper.
CREATE FUNCTION similarity_queue_inserted() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO similarity_queue (paper_id) SELECT id FROM inserted_papers ORDER BY id ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

CREATE TRIGGER "paper_similarity_insert" AFTER INSERT ON "paper"
    REFERENCING NEW TABLE AS inserted_papers
    FOR EACH STATEMENT EXECUTE FUNCTION similarity_queue_inserted();

-- An update queues the papers whose text or listing day changed (an upvote changes neither).
CREATE FUNCTION similarity_queue_changed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO similarity_queue (paper_id)
    SELECT p.id FROM new_papers p JOIN old_papers o ON o.id = p.id
    WHERE (p.title, p.abstract, p.authors, p.categories, p.listed_on)
        IS DISTINCT FROM (o.title, o.abstract, o.authors, o.categories, o.listed_on)
    ORDER BY p.id
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

CREATE TRIGGER "paper_similarity_update" AFTER UPDATE ON "paper"
    REFERENCING OLD TABLE AS old_papers NEW TABLE AS new_papers
    FOR EACH STATEMENT EXECUTE FUNCTION similarity_queue_changed();

INSERT INTO similarity_queue (paper_id) SELECT id FROM paper;
