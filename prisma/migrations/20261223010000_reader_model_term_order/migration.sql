-- A reader's model is stored in ascending order of term, so that a view looks a term's weight up
-- by bisection instead of building a map of all of them (lib/recommend/term-ordered-model.ts).
-- Models stored before are put in that order here.
UPDATE "reader_model" m
SET "term_ids" = ordered."term_ids", "weights" = ordered."weights"
FROM (
    SELECT "reader_id", array_agg(term ORDER BY term) AS "term_ids", array_agg(weight ORDER BY term) AS "weights"
    FROM "reader_model", unnest("term_ids", "weights") AS pair(term, weight)
    GROUP BY "reader_id"
) ordered
WHERE ordered."reader_id" = m."reader_id" AND m."term_ids" IS DISTINCT FROM ordered."term_ids";
