import "server-only";

/**
 * The address that rate limits count against. The nearest proxy (Next.js itself, or the load
 * balancer in front of it) appends the peer it saw to X-Forwarded-For, so the last entry is the
 * one a client cannot forge.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim();
  return last || headers.get("x-real-ip") || "unknown";
}
