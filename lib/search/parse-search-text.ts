import { parseArxivId } from "@/lib/papers/arxiv-id";

import { normalizeCategory } from "./arxiv-category";

/** What a search box's text asks for, split into the parts the SQL treats differently. */
export type SearchText = {
  /** Words, "phrases", OR and -exclusions, handed to websearch_to_tsquery (which never fails). */
  text: string;
  /** One entry per `author:` term: the words of the name, all of which must appear. */
  authors: string[][];
  /** arXiv categories from `category:` terms, all of which the paper must be listed in. */
  categories: string[];
  /** Set when the whole query is an arXiv id or link: that paper is the answer. */
  arxivId: string | null;
};

export type SearchTextResult = { ok: true; value: SearchText } | { ok: false; message: string };

export const MAX_FIELD_TERMS = 5;

// `author:hinton`, `author:"Geoffrey Hinton"` (a missing closing quote runs to the end), `category:cs.LG`.
const FIELD_TERM = /(^|\s)(author|category):(?:"([^"]*)"?|(\S+))/giu;
const NAME_WORD = /[\p{L}\p{Nd}]+/gu;

/**
 * Removes what cannot be searched for and could upset PostgreSQL or the highlighter: control
 * characters (PostgreSQL text cannot hold NUL), lone surrogates, and the private-use characters
 * the highlighter marks matches with.
 */
export function cleanQueryText(input: string): string {
  return input
    .replace(/[\p{Cc}\p{Cs}\uE000-\uF8FF]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export function parseSearchText(input: string): SearchTextResult {
  const query = cleanQueryText(input);
  const id = parseArxivId(query);
  if (id) return { ok: true, value: { text: "", authors: [], categories: [], arxivId: id.id } };

  const authors: string[][] = [];
  const categories: string[] = [];
  const problems: string[] = [];
  const text = query.replace(FIELD_TERM, (_match, space: string, field: string, quoted?: string, bare?: string) => {
    const value = (quoted ?? bare ?? "").trim();
    if (field.toLowerCase() === "author") {
      const words = value.match(NAME_WORD);
      if (words) authors.push(words);
    } else {
      const category = normalizeCategory(value);
      if (category) categories.push(category);
      else problems.push(`"${value}" is not an arXiv category; write e.g. category:cs.LG`);
    }
    return space;
  });

  if (problems.length) return { ok: false, message: problems.join("; ") };
  if (authors.length > MAX_FIELD_TERMS || categories.length > MAX_FIELD_TERMS) {
    return { ok: false, message: `use at most ${MAX_FIELD_TERMS} author: and ${MAX_FIELD_TERMS} category: terms` };
  }
  return {
    ok: true,
    value: { text: text.replace(/\s+/g, " ").trim(), authors, categories: [...new Set(categories)], arxivId: null },
  };
}

/** Whether there is anything to search for; an empty search shows examples instead. */
export function hasSearchTerms(search: SearchText): boolean {
  return search.text !== "" || search.authors.length > 0 || search.categories.length > 0 || search.arxivId !== null;
}
