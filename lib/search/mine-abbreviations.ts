/** An acronym as a paper defines it: "large language models (LLMs)" gives LLM ↔ large language models. */
export type Abbreviation = { short: string; long: string };

// "(LLMs)", "(CoT)", "(RLHF)": one token of 2–10 letters, digits and hyphens, two capitals or more.
const PARENTHESIS = /\(([A-Za-z][A-Za-z0-9-]{1,9})\)/g;
const CAPITALS = /[A-Z]/g;
const ALNUM = /[\p{L}\p{Nd}]/u;
// A definition does not reach back over the end of a sentence or another parenthesis, nor further
// than the longest expansion an acronym allows (its letters twice, ten at most, in words).
const CLAUSE_BREAK = /[.;:!?()[\]]/;
const LOOKBACK_CHARS = 240;
// An expansion starting with one of these took its first letter from the wrong word
// ("Abstraction and Reasoning Corpus (ARC)" would give "and reasoning corpus").
const FUNCTION_WORDS = new Set(["a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"]);

/**
 * The acronyms a text defines, by Schwartz and Hearst's algorithm ("A simple algorithm for
 * identifying abbreviation definitions in biomedical text", 2003): the shortest run of words
 * before the parenthesis whose letters hold the acronym's in order, its first letter starting a
 * word. A plural acronym is kept singular (LLMs → LLM); the expansion is lower case. Linear in the
 * text, a few microseconds an abstract.
 */
export function mineAbbreviations(text: string): Abbreviation[] {
  const found = new Map<string, Abbreviation>();
  for (const match of text.matchAll(PARENTHESIS)) {
    const short = singular(match[1]!);
    if ((short.match(CAPITALS)?.length ?? 0) < 2) continue;
    const before = text.slice(Math.max(0, match.index - LOOKBACK_CHARS), match.index);
    const clause = before
      .slice(lastBreak(before) + 1)
      .trim()
      .split(/\s+/u);
    const maxWords = Math.min(short.length + 5, short.length * 2);
    const candidate = clause.slice(-maxWords).join(" ");
    const long = bestLongForm(short, candidate);
    if (!long) continue;
    const expansion = startAtContentWord(short, candidate, long).toLowerCase();
    const firstWord = expansion.slice(0, expansion.search(/\s|$/u));
    if (expansion.split(/[\s-]+/u).length < 2 || FUNCTION_WORDS.has(firstWord) || expansion.includes(short.toLowerCase())) continue;
    found.set(`${short}\u0000${expansion}`, { short, long: expansion });
  }
  return [...found.values()];
}

/**
 * An expansion that starts with a function word took the acronym's first letter from it; the
 * closest earlier word with that letter is the real start ("Abstraction and Reasoning Corpus").
 */
function startAtContentWord(short: string, candidate: string, long: string): string {
  const first = long.slice(0, long.search(/\s|$/u)).toLowerCase();
  if (!FUNCTION_WORDS.has(first)) return long;
  const earlier = candidate
    .slice(0, candidate.length - long.length)
    .trim()
    .split(" ");
  const letter = short[0]!.toLowerCase();
  for (let index = earlier.length - 1; index >= 0; index--) {
    const word = earlier[index]!;
    if (word.toLowerCase().startsWith(letter) && !FUNCTION_WORDS.has(word.toLowerCase()))
      return `${earlier.slice(index).join(" ")} ${long}`;
  }
  return long;
}

function singular(short: string): string {
  return /[A-Z]s$/.test(short) ? short.slice(0, -1) : short;
}

function lastBreak(text: string): number {
  for (let index = text.length - 1; index >= 0; index--) if (CLAUSE_BREAK.test(text[index]!)) return index;
  return -1;
}

/** The shortest end of `candidate` that spells `short` (Schwartz and Hearst's findBestLongForm). */
function bestLongForm(short: string, candidate: string): string | null {
  let shortIndex = short.length - 1;
  let longIndex = candidate.length - 1;
  while (shortIndex >= 0) {
    const letter = short[shortIndex]!.toLowerCase();
    if (!ALNUM.test(letter)) {
      shortIndex--;
      continue;
    }
    while (
      longIndex >= 0 &&
      (candidate[longIndex]!.toLowerCase() !== letter || (shortIndex === 0 && longIndex > 0 && ALNUM.test(candidate[longIndex - 1]!)))
    ) {
      longIndex--;
    }
    if (longIndex < 0) return null;
    longIndex--;
    shortIndex--;
  }
  const start = candidate.lastIndexOf(" ", longIndex) + 1;
  return candidate.slice(start);
}
