// Every JSON endpoint under app/api, described once: /api/openapi.json and the /api page are built
// from this list, and tests/unit/openapi.test.ts fails when a route handler is missing from it.
// A new route adds one entry here, pointing at the zod schema the route already parses with.
import { z } from "zod";

import { saveRequestSchema, tagsRequestSchema } from "@/lib/library/library-input";
import { libraryQuerySchema, tagNameSchema } from "@/lib/library/library-query";
import { feedQuerySchema } from "@/lib/papers/feed-query";
import { recommendationQuerySchema } from "@/lib/recommend/recommendation-query";
import { apiSearchQuerySchema } from "@/lib/search/search-query";
import { suggestQuerySchema } from "@/lib/search/suggest-query";
import { previewQuerySchema, subscriptionSchema } from "@/lib/subscribers/subscription-input";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export type ApiEndpoint = {
  /** OpenAPI path template: `/api/papers/{arxivId}` for app/api/papers/[...arxivId]/route.ts. */
  path: string;
  methods: HttpMethod[];
  tag: "Papers" | "Search" | "Recommendations" | "Subscriptions" | "Library" | "Readers" | "Operations";
  summary: string;
  description?: string;
  /** The zod schema of the query string (an object), as the route parses it. */
  query?: z.ZodType;
  /** Query parameters a client may repeat (`?topics=a&topics=b`). */
  repeatable?: string[];
  /** Path parameters by name, with what they hold. */
  pathParams?: Record<string, string>;
  /** The zod schema of the JSON body. */
  body?: z.ZodType;
  /** Needs `Authorization: Bearer $CRON_SECRET`. */
  cron?: boolean;
  /** Success statuses and what they carry; the error statuses come from `errors`. */
  responses: Record<number, string>;
  errors?: number[];
};

const CRON_ERRORS = [401, 503];

const READER_AUTH =
  "Needs the reader: the session cookie of a signed-in browser, or a personal token from the account page as `Authorization: Bearer pp_…` (only its hash is kept). Without either, or with a token that is not valid, 401.";
const READER_WRITE_AUTH = `${READER_AUTH} With the cookie, the request must come from PaperPulse's own pages: a cross-site POST or DELETE gets 403.`;

// The bibtex and import routes read `?tag=` on its own, not through an object schema: these
// describe the same query with the routes' own tag schema.
const bibtexQuerySchema = z.object({ tag: tagNameSchema.optional() });
const importQuerySchema = z.object({
  tag: z.string().optional().describe("Tags to put on every imported paper, comma-separated (at most 20, each 1 to 40 characters)."),
});

export const API_ENDPOINTS: ApiEndpoint[] = [
  {
    path: "/api/papers",
    methods: ["GET"],
    tag: "Papers",
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
    tag: "Papers",
    summary: "One paper",
    description:
      "Full abstract, all authors, dates, categories, DOI, `links.abs`, `links.pdf`, and `similar`: its similar papers as `[PaperCard & {similarity, sharedTerms}]`. A versioned id (`2403.15706v2`) names the same paper.",
    pathParams: { arxivId: "An arXiv id, new style (`2403.15706`) or old style with its slash (`math/0211159`)." },
    responses: { 200: "`{paper, similar: [PaperCard & {similarity, sharedTerms}]}`" },
    errors: [400, 404, 503],
  },
  {
    path: "/api/search",
    methods: ["GET"],
    tag: "Search",
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
    tag: "Search",
    summary: "Suggestions as you type",
    description: "Titles and authors that complete what has been typed (2 to 100 characters); cached for a minute.",
    query: suggestQuerySchema,
    responses: { 200: '`{q, suggestions: [{kind: "paper", arxivId, title} | {kind: "author", name, papers}]}`' },
    errors: [400, 503],
  },
  {
    path: "/api/recommendations",
    methods: ["GET"],
    tag: "Recommendations",
    summary: "Papers for a reader who liked these",
    description:
      "Papers ranked by a model trained on the liked (and disliked) papers, comma-separated ids. `because` names the liked papers each is closest to, `terms` what weighed most. " +
      "Liked and disliked papers are left out; unknown ids are listed in `unknown` and ignored; no known liked paper is a 400. `period` (default `all`) limits by listing day.",
    query: recommendationQuerySchema,
    responses: {
      200: "`{query: {period, limit}, liked, disliked, unknown, papers: [PaperCard & {score, because: [arxivId], terms: [term]}]}`",
    },
    errors: [400, 503],
  },
  {
    path: "/api/subscriptions",
    methods: ["POST"],
    tag: "Subscriptions",
    summary: "Subscribe to a digest",
    description:
      "Double opt-in: a confirmation email goes to the address. The answer is the same whether or not the address is known. Same-origin only; 10 per hour per IP, 3 per address.",
    body: subscriptionSchema,
    responses: { 202: '`{status: "accepted", message}`' },
    errors: [400, 403, 429, 503],
  },
  {
    path: "/api/subscriptions/preview",
    methods: ["GET"],
    tag: "Subscriptions",
    summary: "Preview what topics would pick",
    description: "Recent papers the topics, categories and authors would put in a digest, each with what it matched.",
    query: previewQuerySchema,
    repeatable: ["topics", "categories", "authors"],
    responses: { 200: "`{papers}`" },
    errors: [400, 429, 503],
  },
  {
    path: "/api/subscriptions/unsubscribe",
    methods: ["GET", "POST"],
    tag: "Subscriptions",
    summary: "One-click unsubscribe (RFC 8058)",
    description:
      "The `List-Unsubscribe` target of every email, with the token from the email as `?token=`. POST unsubscribes at once; GET changes nothing and redirects (303) to the page with the button.",
    responses: { 200: '`{status: "unsubscribed"}` (POST)', 303: "Redirect to /unsubscribe (GET)" },
    errors: [404, 503],
  },
  {
    path: "/api/library",
    methods: ["GET"],
    tag: "Library",
    summary: "The reader's library",
    description: `A page of saved papers, filtered by \`q\` and \`tag\`, with every tag and its count. ${READER_AUTH}`,
    query: libraryQuerySchema,
    responses: { 200: "`{items: [{paper: PaperCard, savedAt, tags}], nextCursor, total, tags: [{name, count}]}`" },
    errors: [400, 401, 503],
  },
  {
    path: "/api/library",
    methods: ["POST"],
    tag: "Library",
    summary: "Save and tag papers",
    description: `Saves papers by arXiv id or link (1 to 1,000) and puts the tags on all of them; saving a saved paper changes nothing. ${READER_WRITE_AUTH}`,
    body: saveRequestSchema,
    responses: {
      200: "Nothing new was saved: `{saved, alreadySaved, unknown}`",
      201: "Something new was saved: `{saved, alreadySaved, unknown}`",
    },
    errors: [400, 401, 403, 429, 503],
  },
  {
    path: "/api/library/{arxivId}",
    methods: ["POST"],
    tag: "Library",
    summary: "Replace a saved paper's tags",
    description: `404 when the paper is not in the library. ${READER_WRITE_AUTH}`,
    pathParams: { arxivId: "The saved paper's arXiv id, new style (`2403.15706`) or old style with its slash (`math/0211159`)." },
    body: tagsRequestSchema,
    responses: { 200: "`{arxivId, tags}`" },
    errors: [400, 401, 403, 404, 429, 503],
  },
  {
    path: "/api/library/{arxivId}",
    methods: ["DELETE"],
    tag: "Library",
    summary: "Remove a paper from the library",
    description: `Removing a paper that is not there is not an error (\`removed: false\`). ${READER_WRITE_AUTH}`,
    pathParams: { arxivId: "The saved paper's arXiv id, new style (`2403.15706`) or old style with its slash (`math/0211159`)." },
    responses: { 200: "`{arxivId, removed}`" },
    errors: [400, 401, 403, 429, 503],
  },
  {
    path: "/api/library/bibtex",
    methods: ["GET"],
    tag: "Library",
    summary: "The library as BibTeX",
    description: `The library, or one tag of it (\`?tag=\`), as a \`.bib\` download. ${READER_AUTH}`,
    query: bibtexQuerySchema,
    responses: { 200: "The `.bib` file (`application/x-bibtex`)." },
    errors: [400, 401, 503],
  },
  {
    path: "/api/library/import",
    methods: ["POST"],
    tag: "Library",
    summary: "Import a BibTeX or RIS file, or pasted ids",
    description:
      "The body is a BibTeX or RIS file (up to 2 MB), or, with `Content-Type: text/plain`, arXiv ids and links. Papers PaperPulse does not have are fetched from arXiv, or saved once fetched later (`waiting`). " +
      `20 imports per hour. ${READER_WRITE_AUTH}`,
    query: importQuerySchema,
    responses: {
      200: "The import summary: `{found, duplicates, records, recordsWithoutId, added, fetched, alreadySaved, waiting: [{arxivId, reason}], notFound, overLimit, …}`",
    },
    errors: [400, 401, 403, 429, 503],
  },
  {
    path: "/api/account/export",
    methods: ["GET"],
    tag: "Readers",
    summary: "Export the reader's data",
    description: `Everything PaperPulse keeps about the reader, as a JSON download. ${READER_AUTH}`,
    responses: {
      200: "`{exportedAt, account, sessions, apiTokens, library, ratings, upvotes, pendingImports, digestSubscription}`",
    },
    errors: [401, 503],
  },
  {
    path: "/api/auth/sign-in",
    methods: ["POST"],
    tag: "Readers",
    summary: "Complete a sign-in",
    description:
      "The target of the sign-in page's form: a form post (not JSON) of `token` (from the emailed link), `next` (a path on this site, default /library) and `pendingSaves` (ids saved in the browser before signing in, space-separated). " +
      "Same-origin only. Sets the session cookie and redirects to `next`; a refused link (invalid, used or expired) redirects back to /sign-in/confirm, which says why.",
    responses: { 303: "Redirect to `next` with the session cookie set, or to /sign-in/confirm when the link is refused." },
    errors: [403, 503],
  },
  {
    path: "/api/auth/sign-out",
    methods: ["POST"],
    tag: "Readers",
    summary: "Sign out",
    description:
      "A form post (not JSON) from the account pages: ends this browser's session, or with `everywhere=1` every session of the reader. Same-origin only.",
    responses: { 303: "Redirect to /sign-in with the session cookie cleared." },
    errors: [403, 503],
  },
  {
    path: "/api/health",
    methods: ["GET"],
    tag: "Operations",
    summary: "Health check",
    description: "200 while the instance reaches its database, 503 otherwise.",
    responses: { 200: '`{status: "ok", database: "ok"}`', 503: "The database is unreachable." },
  },
  {
    path: "/api/cron/ingest",
    methods: ["GET", "POST"],
    tag: "Operations",
    summary: "Run the daily ingest",
    cron: true,
    responses: { 200: "Every source answered: the report.", 502: "A source did not answer: the report says which." },
    errors: CRON_ERRORS,
  },
  {
    path: "/api/cron/digest",
    methods: ["GET", "POST"],
    tag: "Operations",
    summary: "Send the digests that are due",
    description: "Stops starting new batches before the platform's time limit; `complete: false` means call again.",
    cron: true,
    responses: { 200: "`{due, sent, skipped, failed, deferred, durationMs, complete, stoppedBecause, queries}`" },
    errors: CRON_ERRORS,
  },
  {
    path: "/api/cron/mail",
    methods: ["GET", "POST"],
    tag: "Operations",
    summary: "Retry queued mail",
    description: "Sends transactional mail the SMTP server did not take earlier; call it every minute or so.",
    cron: true,
    responses: { 200: "`{sent, retrying, dropped}`" },
    errors: CRON_ERRORS,
  },
  {
    path: "/api/cron/digest-cleanup",
    methods: ["GET", "POST"],
    tag: "Operations",
    summary: "Delete old digest history",
    description: "Deletes digest deliveries past their 90-day retention; call it daily.",
    cron: true,
    responses: { 200: "`{deliveries}` deleted" },
    errors: CRON_ERRORS,
  },
  {
    path: "/api/cron/library-imports",
    methods: ["GET", "POST"],
    tag: "Operations",
    summary: "Fetch papers imports are waiting for",
    description:
      "Fetches imported papers arXiv could not deliver earlier and saves them to the libraries waiting for them; call it every ten minutes or so.",
    cron: true,
    responses: { 200: "`{saved, dropped, waiting}`" },
    errors: CRON_ERRORS,
  },
  {
    path: "/api/openapi.json",
    methods: ["GET"],
    tag: "Operations",
    summary: "This description (OpenAPI 3.1)",
    responses: { 200: "The OpenAPI document." },
  },
];
