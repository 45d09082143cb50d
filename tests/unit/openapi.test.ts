import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { openApiDocument } from "@/lib/api-docs/openapi-document";

const root = path.resolve(import.meta.dirname, "../..");
// The fallback that answers unknown /api/ paths with a JSON 404 is no endpoint of its own.
const NOT_ENDPOINTS = new Set(["app/api/[...unknown]/route.ts"]);
const DOCUMENTED_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

function routeFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(relative);
    return /^route\.(ts|tsx|js)$/.test(entry.name) ? [relative] : [];
  });
}

/** app/api/papers/[...arxivId]/route.ts → /api/papers/{arxivId}; route groups leave no segment. */
function pathTemplate(file: string): string {
  const segments = path.posix.dirname(file).split("/").slice(1);
  const kept = segments.filter((segment) => !/^\(.+\)$/.test(segment));
  return "/" + kept.map((segment) => segment.replace(/^\[(?:\.\.\.)?(\w+)\]$/, "{$1}")).join("/");
}

function exportedMethods(file: string): string[] {
  const source = readFileSync(path.join(root, file), "utf8");
  const pattern = /export\s+(?:const|(?:async\s+)?function)\s+(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b/g;
  return [...source.matchAll(pattern)].map((match) => match[1]!).filter((method) => DOCUMENTED_METHODS.includes(method));
}

const handlers = routeFiles("app/api")
  .filter((file) => !NOT_ENDPOINTS.has(file))
  .flatMap((file) => exportedMethods(file).map((method) => ({ file, path: pathTemplate(file), method })));
const document = openApiDocument("http://localhost:3000");

describe("the OpenAPI description", () => {
  it("finds the route handlers it checks", () => {
    expect(handlers.length).toBeGreaterThanOrEqual(10);
    expect(handlers).toContainEqual({ file: "app/api/papers/[...arxivId]/route.ts", path: "/api/papers/{arxivId}", method: "GET" });
  });

  it.each(handlers)("describes $method $path ($file)", ({ path: template, method }) => {
    const operations = document.paths[template] as Record<string, unknown> | undefined;
    expect(operations, `add ${template} to the endpoints of its tag in lib/api-docs/`).toBeDefined();
    expect(Object.keys(operations!), `add ${method} to ${template} in lib/api-docs/`).toContain(method.toLowerCase());
  });

  it("describes no endpoint that has no handler", () => {
    const served = new Set(handlers.map((handler) => `${handler.method} ${handler.path}`));
    const described = Object.entries(document.paths).flatMap(([template, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${template}`),
    );
    expect(described.filter((operation) => !served.has(operation))).toEqual([]);
  });

  it("declares every path parameter and derives query parameters from the routes' zod schemas", () => {
    for (const [template, operations] of Object.entries(document.paths)) {
      const names = [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      for (const operation of Object.values(operations)) {
        expect(operation.parameters.filter((parameter) => parameter.in === "path").map((parameter) => parameter.name)).toEqual(names);
      }
    }
    const feed = document.paths["/api/papers"]!.get!.parameters;
    expect(feed.find((parameter) => parameter.name === "limit")?.schema).toMatchObject({
      type: "integer",
      minimum: 1,
      maximum: 100,
      default: 20,
    });
    expect(feed.find((parameter) => parameter.name === "period")?.schema).toMatchObject({ enum: ["day", "week", "month", "all"] });
    const subscribe = document.paths["/api/subscriptions"]!.post!.requestBody!.content["application/json"].schema;
    expect(subscribe.required).toEqual(["email"]);
  });

  it("is OpenAPI 3.1 with unique operation ids", () => {
    expect(document.openapi).toBe("3.1.0");
    const ids = Object.values(document.paths).flatMap((operations) => Object.values(operations).map((operation) => operation.operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
