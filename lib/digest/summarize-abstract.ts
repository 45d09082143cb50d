const TARGET_CHARS = 220;

// Where one sentence ends: a full stop, question or exclamation mark before a capital, digit or
// quote, but not after the abbreviations abstracts use mid-sentence ("e.g.", "et al.", "Fig.").
const SENTENCE_END = /(?<!\b(?:e\.g|i\.e|et al|etc|vs|cf|Fig|Eq|resp|approx|Sec|No))[.!?](?=\s+["“(]?[A-Z0-9])/g;

// A sentence that says what the paper contributes: "we propose …", "this paper introduces …",
// "here we show …", or "… is introduced". Abstracts often open with background ("Large language
// models have …"), which tells a reader scanning an inbox nothing about this paper.
const CONTRIBUTION_VERB =
  "(?:propos|introduc|present|show|develop|demonstrat|describ|design|releas|report|prov|find|establish|construct|offer|build|train|achiev|stud|survey|investigat|analy[sz]|explor)(?:e|es|ed|s|ies|ied|y|ing|n)?";
const CONTRIBUTION = new RegExp(
  `\\b(?:we|our (?:work|paper|method|approach|results?)|(?:this|the present) (?:paper|work|article|study|note|report))\\b[^.]*?\\b${CONTRIBUTION_VERB}\\b|\\b(?:is|are) (?:introduced|proposed|presented|developed|described)\\b`,
  "i",
);

function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const match of text.matchAll(SENTENCE_END)) {
    sentences.push(text.slice(start, match.index + 1).trim());
    start = match.index + 1;
  }
  sentences.push(text.slice(start).trim());
  return sentences.filter(Boolean);
}

/** `text` cut at a word boundary near `target` characters, with an ellipsis. */
function cut(text: string, target: number): string {
  if (text.length <= target) return text;
  const opening = text.slice(0, target + 1);
  const lastSpace = opening.lastIndexOf(" ");
  return `${opening.slice(0, lastSpace > target / 2 ? lastSpace : target).replace(/[\s,;:.\-–—]+$/, "")}…`;
}

/**
 * About two lines of an abstract for an email: the first sentence that states the contribution
 * ("we propose …") when the abstract opens with something else, otherwise its first sentence,
 * shortened at a word boundary when either runs long. A short abstract is shown whole.
 */
export function summarizeAbstract(abstract: string, target = TARGET_CHARS): string {
  const text = abstract.replace(/\s+/g, " ").trim();
  if (text.length <= target) return text;
  const sentences = splitSentences(text);
  const contribution = sentences.find((sentence) => CONTRIBUTION.test(sentence));
  return cut(contribution ?? sentences[0] ?? text, target);
}
