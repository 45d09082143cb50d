import "server-only";

import { env } from "@/lib/env";

import { CLIENT_IP_HEADER, CLIENT_IP_SEAL_HEADER, clientIpSeal } from "./client-address-hook";
import { trustedClientAddress } from "./trusted-proxy";

/**
 * The address that rate limits count against: the one the server's client-address hook worked
 * out from the socket and TRUSTED_PROXY_HOPS (see client-address-hook.ts). Without a hook in this
 * process (a handler called directly, as the integration tests do) the headers alone decide, as if
 * the request came through TRUSTED_PROXY_HOPS proxies. A request the hook did not see shares one
 * "unknown" budget rather than trusting what it says.
 */
export function clientIp(headers: Headers): string {
  const seal = clientIpSeal();
  if (seal) return headers.get(CLIENT_IP_SEAL_HEADER) === seal ? (headers.get(CLIENT_IP_HEADER) ?? "unknown") : "unknown";
  if (env.TRUSTED_PROXY_HOPS === 0) return "unknown";
  return trustedClientAddress(headers.get("x-forwarded-for") ?? undefined, undefined, env.TRUSTED_PROXY_HOPS - 1) ?? "unknown";
}
