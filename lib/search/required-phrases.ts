/**
 * The quoted phrases every match must contain, as websearch_to_tsquery reads a query: a phrase
 * counts unless it is excluded (`-"…"`, also `- "…"`) or the query has an OR anywhere, which can
 * make any part optional. Only phrases of two or more plain words (letters
 * and digits) are returned: each such word is one lexeme, so the phrase's adjacent lexemes stand
 * side by side in every paper that matches, which is what the word-pair index (see the
 * 050000_search_phrases migration) looks up. Other phrases are still matched exactly, only
 * without that index's help.
 */
export function requiredPhrases(text: string): string[] {
  const phrases: string[] = [];
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
    outside += `${before} `;
    const excluded = /-\s*$/u.test(before);
    const words = text.slice(open + 1, end).trim().split(/\s+/u);
    if (!excluded && words.length >= 2 && words.every((word) => /^[\p{L}\p{Nd}]+$/u.test(word))) {
      phrases.push(words.join(" "));
    }
    index = end + 1;
  }
  return /(^|\s)or(\s|$)/iu.test(outside) ? [] : phrases;
}
