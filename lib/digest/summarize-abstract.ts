const TARGET_CHARS = 220;

/**
 * About two lines of an abstract for an email: its first sentence when that is short enough,
 * otherwise its opening cut at a word boundary, with an ellipsis.
 */
export function summarizeAbstract(abstract: string, target = TARGET_CHARS): string {
  const text = abstract.replace(/\s+/g, " ").trim();
  if (text.length <= target) return text;
  const sentence = /^.{40,}?[.!?](?=\s+[A-Z0-9])/.exec(text)?.[0];
  if (sentence && sentence.length <= target) return sentence;
  const cut = text.slice(0, target + 1);
  const lastSpace = cut.lastIndexOf(" ");
  return `${cut.slice(0, lastSpace > target / 2 ? lastSpace : target).replace(/[\s,;:.\-–—]+$/, "")}…`;
}
