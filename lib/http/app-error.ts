export type AppErrorCode = "bad_request" | "forbidden" | "not_found" | "rate_limited" | "unauthorized" | "unavailable";

const STATUS: Record<AppErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  rate_limited: 429,
  unavailable: 503,
};

/** An expected failure: its message is safe to show to the person or client that caused it. */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: { retryAfterSeconds?: number; fields?: Record<string, string[]> },
  ) {
    super(message);
    this.name = "AppError";
    this.status = STATUS[code];
  }
}
