import { type ApiEndpoint, tagged } from "./api-endpoint";
import { feedQuerySchema } from "@/lib/papers/feed-query";
import { recommendationQuerySchema } from "@/lib/recommend/recommendation-query";
import { apiSearchQuerySchema } from "@/lib/search/search-query";
import { suggestQuerySchema } from "@/lib/search/suggest-query";

/** Reading papers: the feed, one paper, search and recommendations. */
export const PAPER_ENDPOINTS: ApiEndpoint[] = [
  ...tagged("Papers", [
    {
      path: "/api/papers",
      methods: ["GET"],
      summary: "The trending feed",
      description:
        "Papers of a period ranked by trending score (all time: by upvotes). `date` is the period's last day, by default today (UTC).",
      query: feedQuerySchema,
      responses: { 200: "`{period, date, papers: [PaperCard], nextCursor}`" },
      errors: [400, 503],
    },
    {
      path: "/api/papers/{arxivId}",
      methods: ["GET"],
      summary: "One paper",
      description:
        "Full abstract, all authors, dates, categories, DOI, `links.abs`, `links.pdf`, and `similar`: its similar papers as `[PaperCard & {similarity, sharedTerms}]`. A versioned id (`2403.15706v2`) names the same paper.",
      pathParams: { arxivId: "An arXiv id, new style (`2403.15706`) or old style with its slash (`math/0211159`)." },
      responses: { 200: "`{paper, similar: [PaperCard & {similarity, sharedTerms}]}`" },
      errors: [400, 404, 503],
    },
  ]),
  ...tagged("Search", [
    {
      path: "/api/search",
      methods: ["GET"],
      summary: "Search papers",
      description:
        'Full-text search of titles, abstracts and authors in the search syntax: words, `"phrases"`, `OR`, `-word`, `author:`, `category:`. Highlights are escaped HTML with `<mark>`. ' +
        "By relevance, a plain query with fewer than 20 full matches continues with partial matches: `matchedAll: false` and `missing`, the words (as typed) the paper lacks; `total` counts full matches. " +
        "A plain query with words search leaves out (`how do LLMs learn math reasoning`) ranks full and partial matches together by each word's rank weighted by its rarity: `blended: true`. " +
        "`alsoSearchingFor`: other forms searched too (acronyms, expansions, synonyms). " +
        "A query that finds nothing is retried with its last word as a prefix (`searchedPrefix`), then corrected: `correction: {showing, insteadOf}` means the papers are for `showing` (page on with `q=showing`); `literal=1` turns that off. " +
        "Counts against the client's search budget (`SEARCH_RATE_LIMIT`).",
      query: apiSearchQuerySchema,
      responses: {
        200: "`{query, sort, papers: [PaperCard & {rank, highlights: {title, abstract}, matchedAll, missing}], nextCursor, total: {count, exact}, didYouMean, onlyStopWords, rankedNewest, alsoSearchingFor, correction, searchedPrefix, blended}`",
      },
      errors: [400, 429, 503],
    },
    {
      path: "/api/search/suggest",
      methods: ["GET"],
      summary: "Suggestions as you type",
      description: "Titles and authors that complete what has been typed (2 to 100 characters); cached for a minute.",
      query: suggestQuerySchema,
      responses: { 200: '`{q, suggestions: [{kind: "paper", arxivId, title} | {kind: "author", name, papers}]}`' },
      errors: [400, 503],
    },
  ]),
  ...tagged("Recommendations", [
    {
      path: "/api/recommendations",
      methods: ["GET"],
      summary: "Papers for a reader who liked these",
      description:
        "Papers ranked by a model trained on the liked (and disliked) papers, comma-separated ids. `because` names the liked papers each is closest to, `terms` what weighed most. " +
        "Liked and disliked papers are left out; unknown ids are listed in `unknown` and ignored; no known liked paper is a 400. `period` (default `all`) limits by listing day: `window` says which days were ranked (`{from, to}`, null for all time).",
      query: recommendationQuerySchema,
      responses: {
        200: "`{query: {period, limit}, window, liked, disliked, unknown, papers: [PaperCard & {score, because: [arxivId], terms: [term]}]}`",
      },
      errors: [400, 503],
    },
  ]),
];
