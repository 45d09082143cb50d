import { normalizeCategory } from "@/lib/search/arxiv-category";
import { isKnownCategory } from "@/lib/search/known-categories";
import { parseSearchText } from "@/lib/search/parse-search-text";

// "cs.XX" is meant as a category; "node.js" is a word.
const LOOKS_LIKE_CATEGORY = /^(?:cs|econ|eess|math|stat|physics|nlin|astro-ph|cond-mat|q-bio|q-fin)\.[a-z-]+$/i;

/**
 * Why a digest topic could never pick a paper, or null when it can. The search box forgives
 * these (a reader sees the empty result at once); a digest would stay silent for weeks instead.
 */
export function topicProblem(topic: string): string | null {
  const parsed = parseSearchText(topic);
  if (!parsed.ok) return parsed.message;
  const { text, authors, categories, arxivId } = parsed.value;
  if (arxivId) return "that is one paper’s id, and a digest only brings new papers; search for it instead";
  const unknown = categories.find((category) => !isKnownCategory(category));
  if (unknown) return `${unknown} is not an arXiv category; see arxiv.org/category_taxonomy`;
  if ((text.match(/"/g) ?? []).length % 2 === 1) return "a quotation mark is not closed; close the phrase or remove the quote";
  if (LOOKS_LIKE_CATEGORY.test(text) && !isKnownCategory(normalizeCategory(text) ?? ""))
    return "this is not an arXiv category; write category:cs.LG for one";
  const wanted = text.split(" ").filter((word) => word !== "" && word !== "OR" && !word.startsWith("-") && /[\p{L}\p{N}]/u.test(word));
  if (wanted.length === 0 && authors.length === 0 && categories.length === 0) {
    return "a topic needs a word, author: or category: to look for; exclusions (-word) alone pick nothing";
  }
  return null;
}
