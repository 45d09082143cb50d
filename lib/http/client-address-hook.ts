import { randomBytes } from "node:crypto";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";

import { trustedClientAddress, trustedForwardedValue } from "./trusted-proxy";

/** Set by the hook on every request; the only source clientIp() believes. */
export const CLIENT_IP_HEADER = "x-paperpulse-client-ip";
export const CLIENT_IP_SEAL_HEADER = "x-paperpulse-client-ip-seal";
const SEAL_KEY = Symbol.for("paperpulse.clientIpSeal");

const CLIENT_CLAIMS = ["forwarded", "x-real-ip", "x-forwarded-port", CLIENT_IP_HEADER, CLIENT_IP_SEAL_HEADER];

/** The seal of this process's hook, or undefined when no hook runs (tests calling handlers directly). */
export function clientIpSeal(): string | undefined {
  return (globalThis as Record<symbol, string | undefined>)[SEAL_KEY];
}

/**
 * Next.js hands neither the proxy nor route handlers the socket, and fills X-Forwarded-For with
 * the peer only when the client sent none, so a client could name its own address. Node announces
 * each request on a diagnostics channel before any Next.js code sees it: there the forwarding
 * headers are rewritten to what TRUSTED_PROXY_HOPS proxies vouch for, and the client address is
 * stamped with a per-process seal, so a request that slipped past the hook (one that arrived while
 * the server was starting) cannot pass off a header of its own as ours.
 */
export function installClientAddressHook(hops: number): void {
  if (clientIpSeal()) return;
  const seal = randomBytes(18).toString("base64url");
  (globalThis as Record<symbol, string>)[SEAL_KEY] = seal;
  subscribe("http.server.request.start", (message) => {
    const { request } = message as { request: IncomingMessage };
    const headers = request.headers;
    const single = (name: string) => {
      const value = headers[name];
      return Array.isArray(value) ? value.join(",") : value;
    };
    const client = trustedClientAddress(single("x-forwarded-for"), request.socket.remoteAddress, hops) ?? "unknown";
    const host = trustedForwardedValue(single("x-forwarded-host"), hops);
    const proto = trustedForwardedValue(single("x-forwarded-proto"), hops);
    for (const name of CLIENT_CLAIMS) delete headers[name];
    // Next.js fills the forwarded headers it finds missing from the socket and Host.
    headers["x-forwarded-for"] = client;
    if (host) headers["x-forwarded-host"] = host;
    else delete headers["x-forwarded-host"];
    if (proto) headers["x-forwarded-proto"] = proto;
    else delete headers["x-forwarded-proto"];
    headers[CLIENT_IP_HEADER] = client;
    headers[CLIENT_IP_SEAL_HEADER] = seal;
  });
}
