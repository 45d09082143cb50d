import { randomBytes, timingSafeEqual } from "node:crypto";

import { inlineScriptHashes } from "@/lib/page-cache/inline-script-hashes";

import { hashedContentSecurityPolicy } from "./content-security-policy";

/** A render that takes longer is given up: its visitors get a page rendered for them instead. */
const RENDER_TIMEOUT_MS = 20_000;
const OWN_REQUEST_HEADER = "x-paperpulse-own-render";

// The proxy is bundled apart from the routes, and dev reloads re-evaluate modules: one per process.
const globalForOwnPage = globalThis as unknown as { paperpulseOwnPageSecret?: string };
const ownSecret = () => (globalForOwnPage.paperpulseOwnPageSecret ??= randomBytes(24).toString("base64url"));

/**
 * This server's page at `path`, asked of the server itself (where `next start` and the standalone
 * server.js record they listen): how the page caches render a copy. Uncompressed, as the server
 * would gzip the page only for this fetch to unzip it again; redirects are answered, not followed.
 * It carries the process's secret, which isOwnPageRequest checks.
 */
export function fetchOwnPage(path: string, headers: Record<string, string>): Promise<Response> {
  const origin = process.env.__NEXT_PRIVATE_ORIGIN || `http://127.0.0.1:${process.env.PORT || "3000"}`;
  return fetch(new URL(path, origin), {
    headers: { ...headers, [OWN_REQUEST_HEADER]: ownSecret(), accept: "text/html", "accept-encoding": "identity" },
    redirect: "manual",
    cache: "no-store",
    signal: AbortSignal.timeout(RENDER_TIMEOUT_MS),
  });
}

/** A page of this server as a copy to serve again: its bytes and the headers to serve them with. */
export type OwnPageCopy = { body: Uint8Array<ArrayBuffer>; headers: Record<string, string> };

/**
 * The page at `path` as a copy a reader is served again (lib/readers: their page, the shell), or
 * null unless it answered 200. Kept as the bytes that came; its scripts are allowed by their
 * hashes, as a page cache copy's: it was rendered without a nonce, and every view's policy is as
 * strict as a fresh render's. Its preload hints (`Link`) go with it.
 */
export async function fetchOwnCopy(path: string, headers: Record<string, string>): Promise<OwnPageCopy | null> {
  const response = await fetchOwnPage(path, headers);
  if (response.status !== 200) {
    await response.body?.cancel();
    return null;
  }
  const body = new Uint8Array(await response.arrayBuffer());
  const copyHeaders: Record<string, string> = { "content-security-policy": hashedContentSecurityPolicy(inlineScriptHashes(body)) };
  for (const name of ["content-type", "link"]) {
    const value = response.headers.get(name);
    if (value) copyHeaders[name] = value;
  }
  return { body, headers: copyHeaders };
}

/** Whether the request is one fetchOwnPage sent: it proves itself with the process's secret. */
export function isOwnPageRequest(request: { headers: { get(name: string): string | null } }): boolean {
  const secret = globalForOwnPage.paperpulseOwnPageSecret;
  const claimed = request.headers.get(OWN_REQUEST_HEADER);
  if (!secret || claimed === null) return false;
  const given = Buffer.from(claimed);
  return given.length === secret.length && timingSafeEqual(given, Buffer.from(secret));
}

/**
 * `render()` once for `key` however many ask while it runs (`pending` holds the one running per
 * key); a failure is logged as `rendering` (what was rendered, no visitor's secrets) and gives null,
 * so the asker renders for itself.
 */
export function renderOnce<Copy>(
  pending: Map<string, Promise<Copy | null>>,
  key: string,
  rendering: string,
  render: () => Promise<Copy | null>,
): Promise<Copy | null> {
  const running = pending.get(key);
  if (running) return running;
  const result = render()
    .catch((error: unknown) => {
      console.warn(`${rendering} failed: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    })
    .finally(() => pending.delete(key));
  pending.set(key, result);
  return result;
}
