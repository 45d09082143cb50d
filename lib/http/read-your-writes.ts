/**
 * Read-your-own-writes with replicas: a request that writes (any method but GET and HEAD) gets a
 * short-lived cookie, and while a client carries it the proxy marks its requests with a header
 * that sends their reads to the primary. The cookie outlives the longest replica lag the app
 * accepts (DATABASE_REPLICA_MAX_LAG_SECONDS, at most 30), so the client never reads from before
 * its own write.
 */
export const RECENT_WRITE_COOKIE = "pp_recent_write";
export const RECENT_WRITE_SECONDS = 30;
export const READ_PRIMARY_HEADER = "x-paperpulse-read-primary";

export const isWriteMethod = (method: string) => method !== "GET" && method !== "HEAD";

/**
 * Marks a request's reads for the primary when it writes or its client wrote moments ago; a mark
 * the client sent itself is dropped. Returns whether the request writes.
 */
export function markReadsForPrimary(method: string, cookies: { has(name: string): boolean }, requestHeaders: Headers): boolean {
  const writes = isWriteMethod(method);
  requestHeaders.delete(READ_PRIMARY_HEADER);
  if (writes || cookies.has(RECENT_WRITE_COOKIE)) requestHeaders.set(READ_PRIMARY_HEADER, "1");
  return writes;
}

/** The cookie that keeps a client's reads on the primary for a while after it wrote. */
export const RECENT_WRITE_COOKIE_OPTIONS = { maxAge: RECENT_WRITE_SECONDS, httpOnly: true, sameSite: "lax", path: "/" } as const;
