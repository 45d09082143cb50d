import "server-only";

import { primaryReadDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

import { editDistance } from "./edit-distance";
import { parseSearchText } from "./parse-search-text";

const MAX_WORDS = 5;
// Loose enough to find "object" for "objcet" (0.27: a swap changes most trigrams of a short word);
// the edit distance then decides.
const MIN_SIMILARITY = 0.2;
const CANDIDATES = 20;
const SURELY_HELD = 1_000;

/**
 * "Did you mean": the query with each word the index has never seen replaced by the closest word
 * of any title or author name. Candidates come from the trigram index of the search_word table;
 * the closest is the fewest edits away (at most one per four letters, and two), then the
 * commonest, then the most similar by trigrams. Null when no word needs or finds a correction.
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

// An unknown word has no GIN entries, but the planner, expecting some, would rather scan the table
// for the first paper holding it: 5.7 s at a million papers. The index answers at once. (Settings
// need a transaction, so this reads from the primary's read pool, not a replica.)
function withIndexOnly<T>(query: Prisma.PrismaPromise<T>) {
  return primaryReadDb.$transaction([
    primaryReadDb.$queryRaw`SELECT set_config('pg_trgm.similarity_threshold', ${String(MIN_SIMILARITY)}, true),
                        set_config('statement_timeout', ${String(SUGGESTION_BUDGET_MS)}, true),
                        set_config('enable_seqscan', 'off', true)`,
    query,
  ]);
}

function holdsWord(word: string) {
  return primaryReadDb.$queryRaw<{ held: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM paper p WHERE p.search_vector @@ plainto_tsquery('paper_search'::regconfig, ${word})) AS held`;
}

async function findCorrection(word: string): Promise<string | null> {
  const [, [known]] = await withIndexOnly(
    // A word of a title or author name is known without reading its GIN entry, which for a common
    // word means the whole of a long list.
    primaryReadDb.$queryRaw<{ known: boolean }[]>`
      SELECT numnode(plainto_tsquery('paper_search'::regconfig, ${word})) = 0
          OR EXISTS (SELECT 1 FROM search_word w WHERE w.word = paper_fold(${word}))
          OR EXISTS (SELECT 1 FROM paper p WHERE p.search_vector @@ plainto_tsquery('paper_search'::regconfig, ${word})) AS known`,
  );
  if (!known || known.known) return null;
  const [, candidates] = await withIndexOnly(
    primaryReadDb.$queryRaw<{ word: string; papers: number }[]>`
      SELECT w.word, w.papers FROM search_word w
      WHERE w.word % paper_fold(${word}) AND w.word <> paper_fold(${word})
      ORDER BY similarity(w.word, paper_fold(${word})) DESC, w.papers DESC, w.word
      LIMIT ${CANDIDATES}`,
  );
  const folded = word.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "");
  const allowed = Math.min(2, Math.max(1, Math.floor([...folded].length / 4)));
  let best: { word: string; papers: number; edits: number } | null = null;
  // Fewest edits first ("modle" is one from both model and module), then the commoner word; the
  // candidates come most similar first, which settles what is left.
  for (const candidate of candidates) {
    const edits = editDistance(folded, candidate.word);
    if (edits > allowed) continue;
    if (!best || edits < best.edits || (edits === best.edits && candidate.papers > best.papers)) best = { ...candidate, edits };
  }
  if (!best) return null;
  // Words are never removed from search_word, so a rare one may no longer find a paper. (A word
  // counted in a thousand papers surely does, and asking would read its whole GIN entry.)
  if (best.papers >= SURELY_HELD) return best.word;
  const [, [held]] = await withIndexOnly(holdsWord(best.word));
  return held?.held ? best.word : null;
}
