/** What every match of a query must contain, as far as the word-pair index can help find it. */
export type RequiredTerms = {
  /** Quoted phrases of two or more plain words (letters and digits). */
  phrases: string[];
  /** The other words that are not excluded, as typed: outside quotes, then from quotes that are no such phrase. */
  words: string[];
  /** The query is these terms and nothing else: nothing excluded, no punctuation in any word. */
  plain: boolean;
};

const NONE: RequiredTerms = { phrases: [], words: [], plain: false };
const PLAIN_WORD = /^[\p{L}\p{Nd}]+$/u;

/**
 * The terms every match must contain, as websearch_to_tsquery reads a query: quoted phrases unless
 * excluded (`-"…"`, also `- "…"`), and the other words unless excluded (`-word`); nothing when the
 * query has an OR anywhere, which can make any part optional. Only phrases of plain words are
 * returned: each such word is one lexeme, so the phrase's adjacent lexemes stand side by side in
 * every paper that matches, which is what the word-pair index (see the 050000_search_phrases
 * migration) looks up. Other phrases are still matched exactly, only without that index's help.
 */
export function requiredTerms(text: string): RequiredTerms {
  const phrases: string[] = [];
  const words: string[] = [];
  let excludes = false;
  let outside = "";
  let index = 0;
  while (index < text.length) {
    const open = text.indexOf('"', index);
    if (open === -1) {
      outside += text.slice(index);
      break;
    }
    const close = text.indexOf('"', open + 1);
    const end = close === -1 ? text.length : close;
    const before = text.slice(index, open);
    // A minus right before the quote excludes the phrase; it is no word of its own either.
    const excluded = /-\s*$/u.test(before);
    outside += `${before.replace(/-\s*$/u, "")} `;
    const quoted = text
      .slice(open + 1, end)
      .trim()
      .split(/\s+/u);
    excludes ||= excluded;
    if (!excluded && quoted.length >= 2 && quoted.every((word) => PLAIN_WORD.test(word))) {
      phrases.push(quoted.join(" "));
    } else if (!excluded) {
      // Whatever else a quote holds, its words must all be there.
      words.push(...quoted.filter((word) => word !== ""));
    }
    index = end + 1;
  }
  const typed = outside.split(/\s+/u).filter((word) => word !== "");
  const unquoted = typed.filter((word) => !word.startsWith("-"));
  if (unquoted.some((word) => word.toLowerCase() === "or")) return NONE;
  const all = [...unquoted, ...words];
  return { phrases, words: all, plain: !excludes && unquoted.length === typed.length && all.every((word) => PLAIN_WORD.test(word)) };
}
