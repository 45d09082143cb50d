import type { Metadata } from "next";

import { openApiDocument } from "@/lib/api-docs/openapi-document";
import { env } from "@/lib/env";

import { EndpointCard } from "./_components/endpoint-card";

export const metadata: Metadata = {
  title: "API",
  description: "PaperPulse's JSON API: the trending feed, papers, search and digest subscriptions.",
};

export default function ApiPage() {
  const document = openApiDocument(env.APP_URL);
  const operations = Object.entries(document.paths).flatMap(([path, byMethod]) =>
    Object.entries(byMethod).map(([method, operation]) => ({ path, method, operation })),
  );
  return (
    <div className="space-y-10">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">JSON API</h1>
        <p className="mt-2 text-stone-600 dark:text-stone-300">
          Everything the site shows is also JSON. Errors answer <code>{'{"error": {"code", "message", "fields"}}'}</code> with 400 for bad
          input, 404, 429 and 503 with <code>Retry-After</code>. The machine-readable description is{" "}
          <a href="/api/openapi.json" className="font-medium text-accent-700 underline dark:text-accent-300">
            /api/openapi.json
          </a>{" "}
          (OpenAPI 3.1).
        </p>
      </div>
      {document.tags.map(({ name }) => (
        <section key={name} aria-labelledby={`tag-${name}`}>
          <h2 id={`tag-${name}`} className="text-lg font-semibold">
            {name}
          </h2>
          <div className="mt-3 space-y-4">
            {operations
              .filter(({ operation }) => operation.tags.includes(name))
              .map(({ path, method, operation }) => (
                <EndpointCard key={`${method} ${path}`} path={path} method={method} operation={operation} />
              ))}
          </div>
        </section>
      ))}
    </div>
  );
}
