import { createHash } from "node:crypto";
import { isIPv4, isIPv6 } from "node:net";

/**
 * The network an address belongs to, as far as one person's reach goes: an IPv4 /24 (a home, an
 * office, a cloud subnet) or an IPv6 /64 (what one subscriber or machine is handed). Undefined
 * for anything that is not an address.
 */
export function networkPrefix(address: string): string | undefined {
  if (isIPv4(address)) return `${address.split(".").slice(0, 3).join(".")}.0/24`;
  if (!isIPv6(address)) return undefined;
  const [head = "", tail] = address.toLowerCase().split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const groups =
    tail === undefined ? headGroups : [...headGroups, ...Array(8 - headGroups.length - tailGroups.length).fill("0"), ...tailGroups];
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

/**
 * What a vote's network is stored as: a hash of the prefix (like rate limits, no addresses are
 * kept). Every address that is not one shares the key "unknown". A signed-in reader's vote will
 * carry a key of its own instead (e.g. "reader:<id>"), so it counts as its own network.
 */
export function voterNetworkKey(address: string): string {
  const prefix = networkPrefix(address) ?? "unknown";
  return `net:${createHash("sha256").update(prefix).digest("base64url")}`;
}
