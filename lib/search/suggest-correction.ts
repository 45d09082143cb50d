import "server-only";

import { db } from "@/lib/db";

import { parseSearchText } from "./parse-search-text";

const MAX_WORDS = 5;
const MIN_SIMILARITY = 0.35;
// pg_trgm's default (0.6) misses a swapped pair of letters in a long word ("reinfrocement").
const WORD_SIMILARITY_THRESHOLD = 0.5;
// Titles (and author lists) the trigram index offers per word; their words are the candidates.
const CANDIDATE_TEXTS = 50;

/**
 * "Did you mean": the query with each word the index has never seen replaced by the most similar
 * word of a title or author name that contains something close to it (pg_trgm's word similarity,
 * through the trigram indexes). Null when no word needs or finds a correction.
 */
export async function suggestCorrection(q: string): Promise<string | null> {
  const parsed = parseSearchText(q);
  if (!parsed.ok) return null;
  const words = [...new Set(parsed.value.text.match(/[\p{L}\p{Nd}]{3,}/gu) ?? [])]
    .filter((word) => !/^\d+$/.test(word))
    .slice(0, MAX_WORDS);
  const corrections = await Promise.all(words.map(correctWord));

  let corrected = q.trim();
  words.forEach((word, index) => {
    const correction = corrections[index];
    if (!correction) return;
    const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    corrected = corrected.replace(new RegExp(`(?<![\\p{L}\\p{Nd}])${escaped}(?![\\p{L}\\p{Nd}])`, "giu"), correction);
  });
  return corrected !== q.trim() ? corrected : null;
}

// A suggestion is a courtesy: on a large corpus a word with very common trigrams can make the
// similarity scan slow, and then the search answers without one rather than late or not at all.
const SUGGESTION_BUDGET_MS = 1_000;

async function correctWord(word: string): Promise<string | null> {
  try {
    return await findCorrection(word);
  } catch (error) {
    console.warn(`[search] no did-you-mean for one word: ${error instanceof Error ? error.message.split("\n").at(-1) : error}`);
    return null;
  }
}

async function findCorrection(word: string): Promise<string | null> {
  const [, [row]] = await db.$transaction([
    db.$queryRaw`SELECT set_config('pg_trgm.word_similarity_threshold', ${String(WORD_SIMILARITY_THRESHOLD)}, true),
                        set_config('statement_timeout', ${String(SUGGESTION_BUDGET_MS)}, true)`,
    db.$queryRaw<{ known: boolean; correction: string | null }[]>`
      SELECT
        numnode(plainto_tsquery('paper_search'::regconfig, ${word})) = 0
          OR EXISTS (SELECT 1 FROM paper p WHERE p.search_vector @@ plainto_tsquery('paper_search'::regconfig, ${word})) AS known,
        (SELECT candidate FROM (
           SELECT DISTINCT regexp_split_to_table(texts.text, '[^[:alnum:]]+') AS candidate
           FROM (
             (SELECT p.title_folded AS text FROM paper p
              WHERE paper_fold(${word}) <% p.title_folded LIMIT ${CANDIDATE_TEXTS})
             UNION ALL
             (SELECT p.authors_folded FROM paper p
              WHERE paper_fold(${word}) <% p.authors_folded LIMIT ${CANDIDATE_TEXTS})
           ) texts
         ) candidates
         WHERE length(candidate) >= 3 AND candidate <> paper_fold(${word})
           AND similarity(candidate, paper_fold(${word})) >= ${MIN_SIMILARITY}
         ORDER BY similarity(candidate, paper_fold(${word})) DESC, candidate
         LIMIT 1) AS correction`,
  ]);
  return row && !row.known ? row.correction : null;
}
