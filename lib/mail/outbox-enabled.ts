import "server-only";

import { env } from "@/lib/env";

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * /dev/outbox exists only while mail goes to the outbox (no SMTP_URL) and the app runs on this
 * machine: a server deployed without SMTP_URL must not publish everyone's confirmation links.
 */
export function isOutboxEnabled(): boolean {
  const host = new URL(env.APP_URL).hostname;
  return !env.SMTP_URL && (LOOPBACK.has(host) || host.endsWith(".localhost"));
}
