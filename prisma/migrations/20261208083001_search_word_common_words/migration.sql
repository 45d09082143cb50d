-- Two ingest batches are written at once, each in one transaction, and a row a transaction writes
-- stays locked until it ends. Every batch's titles use the commonest words ("learning", "model"),
-- so the second batch waited at its first insert for the whole of the first batch's transaction,
-- on search_word's counts: the two writers took turns. A word's count now stops growing once it
-- reaches a thousand papers, which is all its readers ask (did-you-mean prefers the commoner of
-- two close words and trusts a word that common to find papers): such a word is left alone,
-- neither written nor locked.
CREATE OR REPLACE FUNCTION search_word_add(titles_folded text[], authors_folded text[]) RETURNS void
    LANGUAGE sql
    AS $$
        INSERT INTO search_word AS w (word, papers)
        SELECT added.word, count(*)::int
        FROM unnest(titles_folded, authors_folded) AS p(title_folded, authors_folded),
             paper_words(p.title_folded, p.authors_folded) AS added(word)
        WHERE NOT EXISTS (SELECT 1 FROM search_word common WHERE common.word = added.word AND common.papers >= 1000)
        GROUP BY added.word
        ORDER BY added.word
        ON CONFLICT (word) DO UPDATE SET papers = w.papers + EXCLUDED.papers
    $$;
