import type { OpenApiOperation, OpenApiParameter } from "@/lib/api-docs/openapi-document";

import { describeSchema } from "./describe-schema";
import { InlineCode } from "./inline-code";

const METHOD_STYLES: Record<string, string> = {
  get: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200",
  post: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200",
};
const OTHER_METHOD = "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200";

type Field = { name: string; where: string; required: boolean; schema: Record<string, unknown>; description?: string };

function fields(operation: OpenApiOperation): Field[] {
  const parameters = operation.parameters.map((parameter: OpenApiParameter) => ({
    name: parameter.name,
    where: parameter.explode ? `${parameter.in}, repeatable` : parameter.in,
    required: parameter.required,
    schema: parameter.schema,
    description: parameter.description,
  }));
  const body = operation.requestBody?.content["application/json"].schema;
  const bodyFields = Object.entries((body?.properties ?? {}) as Record<string, Record<string, unknown>>).map(([name, schema]) => ({
    name,
    where: "JSON body",
    required: body?.required?.includes(name) ?? false,
    schema,
  }));
  return [...parameters, ...bodyFields];
}

export function EndpointCard({ path, method, operation }: { path: string; method: string; operation: OpenApiOperation }) {
  const inputs = fields(operation);
  return (
    <article
      aria-labelledby={operation.operationId}
      className="rounded-lg border border-stone-200 bg-white p-4 sm:p-5 dark:border-stone-800 dark:bg-stone-900"
    >
      <h3 id={operation.operationId} className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <span className={`rounded px-2 py-0.5 font-mono text-xs font-semibold ${METHOD_STYLES[method] ?? OTHER_METHOD}`}>
          {method.toUpperCase()}
        </span>
        <code className="font-mono text-sm break-all">{path}</code>
        <span className="font-medium">{operation.summary}</span>
      </h3>
      {operation.description && (
        <p className="mt-2 text-sm text-stone-700 dark:text-stone-300">
          <InlineCode text={operation.description} />
        </p>
      )}
      {operation.security && (
        <p className="mt-2 text-sm text-stone-700 dark:text-stone-300">
          Needs <code>Authorization: Bearer $CRON_SECRET</code>.
        </p>
      )}
      {inputs.length > 0 && (
        <>
          <h4 className="mt-4 text-sm font-semibold">Parameters</h4>
          <ul className="mt-1 divide-y divide-stone-100 text-sm dark:divide-stone-800">
            {inputs.map((input) => (
              <li key={`${input.where}-${input.name}`} className="py-1.5">
                <code className="font-mono font-semibold">{input.name}</code>{" "}
                <span className="text-stone-600 dark:text-stone-400">
                  ({input.where}
                  {input.required ? ", required" : ""}): {describeSchema(input.schema)}
                </span>
                {input.description && (
                  <span className="block text-stone-700 dark:text-stone-300">
                    <InlineCode text={input.description} />
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <h4 className="mt-4 text-sm font-semibold">Answers</h4>
      <ul className="mt-1 space-y-1 text-sm">
        {Object.entries(operation.responses).map(([status, response]) => (
          <li key={status}>
            <span className="font-mono font-semibold">{status}</span>{" "}
            <span className="text-stone-700 dark:text-stone-300">
              <InlineCode text={response.description} />
            </span>
          </li>
        ))}
      </ul>
    </article>
  );
}
