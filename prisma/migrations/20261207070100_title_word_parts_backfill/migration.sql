-- The papers whose titles have CamelCase words get their parts indexed (see the previous
-- migration). A migration of its own, so that the previous one's exclusive lock is released
-- first: this update locks only the rows it changes, a few percent of the papers.
UPDATE "paper" SET "search_vector" = paper_search_vector("title", "authors", "abstract")
WHERE "title" ~ '[[:lower:]][[:upper:]][[:lower:]]';
