import "server-only";

import { AppError } from "./app-error";

/** The JSON body of a request, refusing other content types, oversized bodies and broken JSON with a 400. */
export async function readJsonBody(request: Request, maxChars: number): Promise<unknown> {
  if (!request.headers.get("content-type")?.toLowerCase().startsWith("application/json")) {
    throw new AppError("bad_request", "Send JSON with Content-Type: application/json.");
  }
  const body = await request.text();
  if (body.length > maxChars) throw new AppError("bad_request", "The request body is too large.");
  try {
    return JSON.parse(body);
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON.");
  }
}
