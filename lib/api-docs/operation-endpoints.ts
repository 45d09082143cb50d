import { type ApiEndpoint, tagged } from "./api-endpoint";

type Entry = Omit<ApiEndpoint, "tag">;

/** A scheduled job's endpoint: GET or POST, with `Authorization: Bearer $CRON_SECRET`. */
function cronJob(job: Pick<Entry, "path" | "summary" | "description" | "responses">): Entry {
  return { ...job, methods: ["GET", "POST"], cron: true, errors: [401, 503] };
}

/** Operations: health, this description, and the scheduled jobs as cron endpoints. */
export const OPERATION_ENDPOINTS: ApiEndpoint[] = tagged("Operations", [
  {
    path: "/api/health",
    methods: ["GET"],
    summary: "Health check",
    description: "200 while the instance reaches its database, 503 otherwise.",
    responses: { 200: '`{status: "ok", database: "ok"}`', 503: "The database is unreachable." },
  },
  cronJob({
    path: "/api/cron/ingest",
    summary: "Run the daily ingest",
    responses: { 200: "Every source answered: the report.", 502: "A source did not answer: the report says which." },
  }),
  cronJob({
    path: "/api/cron/digest",
    summary: "Send the digests that are due",
    description: "Stops starting new batches before the platform's time limit; `complete: false` means call again.",
    responses: { 200: "`{due, sent, skipped, failed, deferred, durationMs, complete, stoppedBecause, queries}`" },
  }),
  cronJob({
    path: "/api/cron/mail",
    summary: "Retry queued mail",
    description: "Sends transactional mail the SMTP server did not take earlier; call it every minute or so.",
    responses: { 200: "`{sent, retrying, dropped}`" },
  }),
  cronJob({
    path: "/api/cron/digest-cleanup",
    summary: "Delete old digest history",
    description: "Deletes digest deliveries past their 90-day retention; call it daily.",
    responses: { 200: "`{deliveries}` deleted" },
  }),
  cronJob({
    path: "/api/cron/library-imports",
    summary: "Fetch papers imports are waiting for",
    description:
      "Fetches imported papers arXiv could not deliver earlier and saves them to the libraries waiting for them; call it every ten minutes or so.",
    responses: { 200: "`{saved, dropped, waiting}`" },
  }),
  {
    path: "/api/openapi.json",
    methods: ["GET"],
    summary: "This description (OpenAPI 3.1)",
    responses: { 200: "The OpenAPI document." },
  },
]);
