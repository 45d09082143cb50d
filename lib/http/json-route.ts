import "server-only";

import { NextResponse } from "next/server";
import { z } from "zod";

import { AppError } from "./app-error";
import { isDatabaseUnavailable, isStatementTimeout } from "./is-database-unavailable";

type Handler<Context> = (request: Request, context: Context) => Promise<Response>;

export function jsonError(error: AppError): NextResponse {
  // An error is about this request (bad input, a rate limit, an outage): no cache may keep it.
  const headers = new Headers({ "Cache-Control": "private, no-store" });
  if (error.details?.retryAfterSeconds) headers.set("Retry-After", String(error.details.retryAfterSeconds));
  const body = { error: { code: error.code, message: error.message, ...(error.details?.fields && { fields: error.details.fields }) } };
  return NextResponse.json(body, { status: error.status, headers });
}

/** Turns a zod failure into one readable sentence plus the messages per field. */
export function fromZodError(error: z.ZodError): AppError {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    (fields[key] ??= []).push(issue.message);
  }
  const message = Object.entries(fields)
    .map(([field, messages]) => messages.map((text) => (field === "_" || text.startsWith(field) ? text : `${field}: ${text}`)).join("; "))
    .join(". ");
  return new AppError("bad_request", message, { fields });
}

/**
 * Wraps a route handler: expected errors become JSON with their status, validation errors 400,
 * an unreachable database or a query stopped by the read timeout 503 with Retry-After, anything
 * else a logged 500 that reveals nothing.
 */
export function jsonRoute<Context>(handler: Handler<Context>): Handler<Context> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      if (error instanceof AppError) return jsonError(error);
      if (error instanceof z.ZodError) return jsonError(fromZodError(error));
      const requestId = request.headers.get("x-request-id") ?? crypto.randomUUID();
      if (isStatementTimeout(error)) {
        console.warn(`[${requestId}] ${request.method} ${new URL(request.url).pathname}: statement timeout`);
        const message = "This request took too long to answer and was stopped; please retry, or narrow the search.";
        return jsonError(new AppError("unavailable", message, { retryAfterSeconds: 5 }));
      }
      if (isDatabaseUnavailable(error)) {
        console.error(`[${requestId}] ${request.method} ${new URL(request.url).pathname}: database unavailable`);
        const message = "PaperPulse cannot reach its database right now; please retry shortly.";
        return jsonError(new AppError("unavailable", message, { retryAfterSeconds: 5 }));
      }
      console.error(`[${requestId}] ${request.method} ${new URL(request.url).pathname}`, error);
      return NextResponse.json({ error: { code: "internal", message: "Something went wrong on our side.", requestId } }, { status: 500 });
    }
  };
}
