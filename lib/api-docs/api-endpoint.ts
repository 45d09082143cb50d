import type { z } from "zod";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export type ApiTag = "Papers" | "Search" | "Recommendations" | "Subscriptions" | "Library" | "Readers" | "Operations";

export type ApiEndpoint = {
  /** OpenAPI path template: `/api/papers/{arxivId}` for app/api/papers/[...arxivId]/route.ts. */
  path: string;
  methods: HttpMethod[];
  tag: ApiTag;
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

/** The endpoints of one tag, written without repeating it. */
export function tagged(tag: ApiTag, endpoints: Omit<ApiEndpoint, "tag">[]): ApiEndpoint[] {
  return endpoints.map((endpoint) => ({ ...endpoint, tag }));
}
