import "server-only";

import { db } from "@/lib/db";

import { editDistance } from "./edit-distance";
import { parseSearchText } from "./parse-search-text";

const MAX_WORDS = 5;
// Loose enough to find "object" for "objcet" (0.27: a swap changes most trigrams of a short word);
// the edit distance then decides.
const MIN_SIMILARITY = 0.2;
const CANDIDATES = 20;

/**
 * "Did you mean": the query with each word the index has never seen replaced by the closest word
 * of any title or author name. Candidates come from the trigram index of the search_word table;
 * the closest is the fewest edits away (at most one per four letters, and two), then the most
 * similar by trigrams, then the commonest. Null when no word needs or finds a correction.
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

// A suggestion is a courtesy: should the database be slow, the search answers without one rather
// than late or not at all.
const SUGGESTION_BUDGET_MS = 500;

async function correctWord(word: string): Promise<string | null> {
  try {
    return await findCorrection(word);
  } catch (error) {
    console.warn(`[search] no did-you-mean for one word: ${error instanceof Error ? error.message.split("\n").at(-1) : error}`);
    return null;
  }
}

async function findCorrection(word: string): Promise<string | null> {
  const [, [known], candidates] = await db.$transaction([
    // An unknown word has no GIN entries, but the planner, expecting some, would rather scan the
    // table for the first paper holding it: 5.7 s at a million papers. The index answers at once.
    db.$queryRaw`SELECT set_config('pg_trgm.similarity_threshold', ${String(MIN_SIMILARITY)}, true),
                        set_config('statement_timeout', ${String(SUGGESTION_BUDGET_MS)}, true),
                        set_config('enable_seqscan', 'off', true)`,
    db.$queryRaw<{ known: boolean }[]>`
      SELECT numnode(plainto_tsquery('paper_search'::regconfig, ${word})) = 0
          OR EXISTS (SELECT 1 FROM paper p WHERE p.search_vector @@ plainto_tsquery('paper_search'::regconfig, ${word})) AS known`,
    db.$queryRaw<{ word: string }[]>`
      SELECT w.word FROM search_word w
      WHERE w.word % paper_fold(${word}) AND w.word <> paper_fold(${word})
        -- Words are never removed from search_word; offer only one that still finds a paper.
        AND EXISTS (SELECT 1 FROM paper p WHERE p.search_vector @@ plainto_tsquery('paper_search'::regconfig, w.word))
      ORDER BY similarity(w.word, paper_fold(${word})) DESC, w.papers DESC, w.word
      LIMIT ${CANDIDATES}`,
  ]);
  if (!known || known.known) return null;
  const folded = word.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "");
  const allowed = Math.min(2, Math.max(1, Math.floor([...folded].length / 4)));
  let best: { word: string; edits: number } | null = null;
  // Candidates come most similar first, so the first with the fewest edits wins a tie.
  for (const candidate of candidates) {
    const edits = editDistance(folded, candidate.word);
    if (edits <= allowed && (!best || edits < best.edits)) best = { word: candidate.word, edits };
  }
  return best?.word ?? null;
}
