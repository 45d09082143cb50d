import { z } from "zod";

import { API_ENDPOINTS, type ApiEndpoint } from "./api-endpoints";

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema>; required?: string[] };

export type OpenApiParameter = {
  name: string;
  in: "query" | "path";
  required: boolean;
  description?: string;
  schema: JsonSchema;
  explode?: boolean;
};

export type OpenApiOperation = {
  operationId: string;
  tags: string[];
  summary: string;
  description?: string;
  parameters: OpenApiParameter[];
  requestBody?: { required: true; content: { "application/json": { schema: JsonSchema } } };
  security?: { cronSecret: [] }[];
  responses: Record<string, { description: string; content?: Record<string, { schema: JsonSchema }> }>;
};

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "Bad input: the message names each bad field, `fields` lists the messages per field.",
  401: "Not signed in: no session cookie and no valid personal token (`Authorization: Bearer pp_…`).",
  403: "A cross-site request.",
  404: "Nothing there.",
  429: "Rate limited; `Retry-After` says when to retry.",
  503: "The database is unreachable; `Retry-After` says when to retry.",
};

/** The body of every error answer (lib/http/json-route.ts). */
const CRON_UNAUTHORIZED = "Missing or wrong `Authorization: Bearer $CRON_SECRET`.";

const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(["bad_request", "unauthorized", "forbidden", "not_found", "rate_limited", "unavailable", "internal"]),
    message: z.string(),
    fields: z.record(z.string(), z.array(z.string())).optional(),
    requestId: z.string().optional(),
  }),
});

// What a client sends is the schema's input side: defaults apply, transforms are invisible.
function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" });
  return rest as JsonSchema;
}

function queryParameters(endpoint: ApiEndpoint): OpenApiParameter[] {
  if (!endpoint.query) return [];
  const object = jsonSchemaOf(endpoint.query);
  return Object.entries(object.properties ?? {}).map(([name, schema]) => {
    const repeatable = endpoint.repeatable?.includes(name) ?? false;
    return { name, in: "query", required: object.required?.includes(name) ?? false, schema, ...(repeatable && { explode: true }) };
  });
}

function operationId(method: string, path: string): string {
  const words = path
    .replace(/^\/api\//, "")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return [method.toLowerCase(), ...words.map((word) => word[0]!.toUpperCase() + word.slice(1))].join("");
}

function operation(endpoint: ApiEndpoint, method: string): OpenApiOperation {
  const pathParameters = Object.entries(endpoint.pathParams ?? {}).map(([name, description]): OpenApiParameter => ({
    name,
    in: "path",
    required: true,
    description,
    schema: { type: "string" },
  }));
  const responses: OpenApiOperation["responses"] = {};
  for (const [status, description] of Object.entries(endpoint.responses)) responses[status] = { description };
  for (const status of endpoint.errors ?? []) {
    responses[String(status)] = {
      description: (status === 401 && endpoint.cron ? CRON_UNAUTHORIZED : ERROR_DESCRIPTIONS[status]) ?? "An error.",
      content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
    };
  }
  return {
    operationId: operationId(method, endpoint.path),
    tags: [endpoint.tag],
    summary: endpoint.summary,
    ...(endpoint.description && { description: endpoint.description }),
    parameters: [...pathParameters, ...queryParameters(endpoint)],
    ...(endpoint.body && { requestBody: { required: true, content: { "application/json": { schema: jsonSchemaOf(endpoint.body) } } } }),
    ...(endpoint.cron && { security: [{ cronSecret: [] }] }),
    responses,
  };
}

/** The OpenAPI 3.1 description of the JSON API, served at /api/openapi.json. */
export function openApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, OpenApiOperation>> = {};
  for (const endpoint of API_ENDPOINTS) {
    for (const method of endpoint.methods) (paths[endpoint.path] ??= {})[method.toLowerCase()] = operation(endpoint, method);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "PaperPulse API",
      version: "1",
      description: "Trending arXiv papers, search and digest subscriptions. Every response carries an `X-Request-Id`.",
    },
    servers: [{ url: serverUrl }],
    tags: [...new Set(API_ENDPOINTS.map((endpoint) => endpoint.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: { Error: jsonSchemaOf(errorBodySchema) },
      securitySchemes: { cronSecret: { type: "http", scheme: "bearer", description: "The instance's CRON_SECRET." } },
    },
  };
}
