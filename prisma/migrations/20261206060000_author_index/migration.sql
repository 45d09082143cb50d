-- Author pages list the papers that name an author exactly ("authors @> ARRAY[name]"). Without
-- an index that reads every paper; with this one it is a bitmap look-up of the author's own
-- papers, then a sort of those few.
CREATE INDEX "paper_authors_idx" ON "paper" USING gin ("authors");
