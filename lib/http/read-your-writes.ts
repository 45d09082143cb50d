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
