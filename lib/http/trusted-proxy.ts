import { isIP } from "node:net";

/**
 * What a chain of `hops` trusted proxies vouches for. Each proxy appends the peer it saw to
 * X-Forwarded-For, so of the chain "entries…, socket peer" only the last `hops` appends are ours:
 * the client is the entry `hops` places left of the socket peer. Anything further left was written
 * by the client and proves nothing. With 0 hops the socket peer is the client.
 */
export function trustedClientAddress(forwardedFor: string | undefined, peer: string | undefined, hops: number): string | undefined {
  const chain = [...listEntries(forwardedFor), ...(peer ? [peer] : [])];
  const entry = chain[Math.max(0, chain.length - 1 - hops)];
  const address = entry === undefined ? undefined : normalizeAddress(entry);
  return address ?? (peer ? normalizeAddress(peer) : undefined);
}

/**
 * A single-valued forwarded header (X-Forwarded-Host, X-Forwarded-Proto) as the outermost trusted
 * proxy set it: the entry `hops` places from the right when proxies append, the only one when they
 * overwrite. Without trusted proxies the header is the client's word, and is ignored.
 */
export function trustedForwardedValue(header: string | undefined, hops: number): string | undefined {
  if (hops === 0) return undefined;
  const entries = listEntries(header);
  return entries[Math.max(0, entries.length - hops)];
}

function listEntries(header: string | undefined): string[] {
  return (header ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/** "::ffff:192.0.2.1" → "192.0.2.1"; "192.0.2.1:443" and "[2001:db8::1]:443" lose the port; junk → undefined. */
export function normalizeAddress(entry: string): string | undefined {
  let address = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  address = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  return isIP(address) ? address.toLowerCase() : undefined;
}
