const UNAVAILABLE_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "TlsConnectionError",
]);
// Prisma's codes for "can't reach", "timed out", "server closed the connection", "pool timeout".
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
// The socket errors Prisma's pg adapter reads as the kinds above, as raw reads (lib/db-read.ts) meet them.
const UNAVAILABLE_SOCKET_CODES = new Set(["ENOTFOUND", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT"]);
// SQLSTATE classes 08 (connection exception), 57P (operator intervention: shutdown, restart) and
// 53300 (too many connections).
const UNAVAILABLE_SQL_STATE = /^(08|57P|53300$)/;

type Cause = { kind?: string; code?: string; originalCode?: string };

/**
 * True when an error means the database cannot be reached right now (down, restarting, out of
 * connections) rather than that the query was wrong: the request may succeed if retried.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === "object" && depth < 5; depth++) {
    const candidate = current as {
      code?: unknown;
      severity?: unknown;
      meta?: { driverAdapterError?: { cause?: Cause } };
      cause?: unknown;
    };
    if (typeof candidate.code === "string") {
      if (UNAVAILABLE_PRISMA_CODES.has(candidate.code)) return true;
      // The pg driver's own errors, from a raw read: a socket's, or PostgreSQL's with its SQLSTATE and severity.
      if (UNAVAILABLE_SOCKET_CODES.has(candidate.code)) return true;
      if (typeof candidate.severity === "string" && UNAVAILABLE_SQL_STATE.test(candidate.code)) return true;
    }
    const cause = candidate.meta?.driverAdapterError?.cause ?? (candidate.cause as Cause | undefined);
    if (cause?.kind && UNAVAILABLE_KINDS.has(cause.kind)) return true;
    const sqlState = cause?.originalCode ?? cause?.code;
    if (cause?.kind === "postgres" && typeof sqlState === "string" && UNAVAILABLE_SQL_STATE.test(sqlState)) return true;
    current = candidate.cause;
  }
  return false;
}

/**
 * True when PostgreSQL cancelled a statement for running past statement_timeout (SQLSTATE 57014;
 * see lib/db-read.ts): the query was too expensive, not wrong.
 */
export function isStatementTimeout(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === "object" && depth < 5; depth++) {
    const candidate = current as { code?: unknown; meta?: { code?: unknown; driverAdapterError?: { cause?: Cause } }; cause?: unknown };
    const cause = candidate.meta?.driverAdapterError?.cause ?? (candidate.cause as Cause | undefined);
    if (candidate.code === "57014" || candidate.meta?.code === "57014" || cause?.originalCode === "57014" || cause?.code === "57014")
      return true;
    current = candidate.cause;
  }
  return false;
}
