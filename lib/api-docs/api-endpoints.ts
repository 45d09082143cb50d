// Every JSON endpoint under app/api, described once: /api/openapi.json and the /api page are built
// from this list, and tests/unit/openapi.test.ts fails when a route handler is missing from it.
// A new route adds one entry here, pointing at the zod schema the route already parses with.
import type { z } from "zod";

import { feedQuerySchema } from "@/lib/papers/feed-query";
import { apiSearchQuerySchema } from "@/lib/search/search-query";
import { suggestQuerySchema } from "@/lib/search/suggest-query";
import { previewQuerySchema, subscriptionSchema } from "@/lib/subscribers/subscription-input";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export type ApiEndpoint = {
  /** OpenAPI path template: `/api/papers/{arxivId}` for app/api/papers/[...arxivId]/route.ts. */
  path: string;
  methods: HttpMethod[];
  tag: "Papers" | "Search" | "Subscriptions" | "Operations";
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
    description: "Full abstract, all authors, dates, categories, DOI and links. A versioned id (`2403.15706v2`) names the same paper.",
    pathParams: { arxivId: "An arXiv id, new style (`2403.15706`) or old style with its slash (`math/0211159`)." },
    responses: { 200: "`{paper}`" },
    errors: [400, 404, 503],
  },
  {
    path: "/api/search",
    methods: ["GET"],
    tag: "Search",
    summary: "Search papers",
    description:
      'Full-text search of titles, abstracts and authors in the search syntax: words, `"phrases"`, `OR`, `-word`, `author:`, `category:`. Highlights are escaped HTML with `<mark>`.',
    query: apiSearchQuerySchema,
    responses: { 200: "`{query, sort, papers: [PaperCard & {rank, highlights}], nextCursor, total: {count, exact}, didYouMean, …}`" },
    errors: [400, 503],
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
    path: "/api/openapi.json",
    methods: ["GET"],
    tag: "Operations",
    summary: "This description (OpenAPI 3.1)",
    responses: { 200: "The OpenAPI document." },
  },
];
