// Every JSON endpoint under app/api, described once: /api/openapi.json and the /api page are built
// from this list, and tests/unit/openapi.test.ts fails when a route handler is missing from it.
// A new route adds one entry to the file of its tag, pointing at the zod schema the route already
// parses with.
import type { ApiEndpoint } from "./api-endpoint";
import { OPERATION_ENDPOINTS } from "./operation-endpoints";
import { PAPER_ENDPOINTS } from "./paper-endpoints";
import { READER_ENDPOINTS } from "./reader-endpoints";
import { SUBSCRIPTION_ENDPOINTS } from "./subscription-endpoints";

export type { ApiEndpoint, HttpMethod } from "./api-endpoint";

export const API_ENDPOINTS: ApiEndpoint[] = [...PAPER_ENDPOINTS, ...SUBSCRIPTION_ENDPOINTS, ...READER_ENDPOINTS, ...OPERATION_ENDPOINTS];
