import { z } from "zod";

import { cursorParam, limitParam, optionalParam } from "@/lib/http/page-params";
import { FIRST_LISTING_DAY } from "@/lib/papers/feed-period";

import { normalizeCategory } from "./arxiv-category";
import { hasSearchTerms, parseSearchText, type SearchText } from "./parse-search-text";
import type { QueryTerm } from "./query-terms";

export const SORTS = ["relevance", "newest", "upvotes"] as const;
export type SearchSort = (typeof SORTS)[number];

export const SEARCH_PAGE_SIZE = 20;
export const SEARCH_MAX_PAGE_SIZE = 50;
export const MAX_QUERY_LENGTH = 500;

/**
 * What a query with phrases needs from the indexes: the adjacent word pairs its phrases require,
 * its other required words as a tsquery of lexemes (null when there are none), and whether the
 * papers holding both are exactly the matches.
 */
export type PhraseLookup = { pairs: string[]; otherWords: string | null; exact: boolean };

/** What a search matches: the parsed text plus the filters kept beside it in the URL. */
export type SearchFilters = SearchText & {
  from?: string;
  to?: string;
  /** How the text's phrases are looked up (see phraseLookupSql); set before querying. */
  phraseLookup?: PhraseLookup;
  /**
   * A plain query's words with their alternative forms and weights (see query-terms.ts); set
   * before querying. When set, they are the text query: every term, each in any of its forms.
   */
  terms?: QueryTerm[];
  /**
   * The rarest of `terms`, which the text index looks up; the papers it finds are tested against
   * every term (see lookupTerms in query-terms.ts). Set by relevance's planning.
   */
  lookupTerms?: QueryTerm[];
};

const day = (name: string) =>
  z.iso
    .date({ error: `${name} must be a day as YYYY-MM-DD` })
    .refine((date) => date >= FIRST_LISTING_DAY && date <= "2999-12-31", { error: `${name} must be after ${FIRST_LISTING_DAY}` });

/** The search page's and `GET /api/search`'s query string. */
export const searchQuerySchema = z
  .object({
    q: z.string({ error: "q must be text" }).max(MAX_QUERY_LENGTH, `q must be at most ${MAX_QUERY_LENGTH} characters`).default(""),
    category: optionalParam(
      z.string().transform((value, context) => {
        const category = normalizeCategory(value);
        if (!category) context.addIssue({ code: "custom", message: "category must be an arXiv category such as cs.LG" });
        return category ?? z.NEVER;
      }),
    ),
    from: optionalParam(day("from")),
    to: optionalParam(day("to")),
    sort: optionalParam(z.enum(SORTS, { error: `sort must be one of ${SORTS.join(", ")}` })),
    cursor: cursorParam,
    /** "1": this query as typed, even when it finds nothing and a prefix or a correction would. */
    literal: optionalParam(z.literal("1", { error: 'literal must be "1"' })),
    limit: limitParam(SEARCH_PAGE_SIZE, SEARCH_MAX_PAGE_SIZE),
  })
  .transform((query, context) => {
    if (query.from && query.to && query.from > query.to) {
      context.addIssue({ code: "custom", path: ["to"], message: "to must be on or after from" });
      return z.NEVER;
    }
    const parsed = parseSearchText(query.q);
    if (!parsed.ok) {
      context.addIssue({ code: "custom", path: ["q"], message: `q: ${parsed.message}` });
      return z.NEVER;
    }
    const text = parsed.value;
    const categories = query.category ? [...new Set([...text.categories, query.category])] : text.categories;
    const filters: SearchFilters = { ...text, categories, from: query.from, to: query.to };
    // Relevance needs words to be relevant to; filters alone list the newest first.
    const sort: SearchSort = query.sort ?? (text.text ? "relevance" : "newest");
    return {
      q: query.q.trim(),
      category: query.category,
      from: query.from,
      to: query.to,
      filters,
      sort: sort === "relevance" && !text.text ? "newest" : sort,
      requestedSort: query.sort,
      cursor: query.cursor,
      limit: query.limit,
      literal: query.literal === "1",
      empty: !hasSearchTerms(filters),
    };
  });

export type SearchQuery = z.infer<typeof searchQuerySchema>;

/** The API also refuses an empty search, which the page answers with examples. */
export const apiSearchQuerySchema = searchQuerySchema.refine((query) => !query.empty, {
  path: ["q"],
  error: 'q must not be empty: type a word, a "phrase", author:name or category:cs.LG',
});
