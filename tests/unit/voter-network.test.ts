import { describe, expect, it } from "vitest";

import { networkPrefix, voterNetworkKey } from "@/lib/papers/voter-network";

describe("networkPrefix", () => {
  it("groups IPv4 by /24 and IPv6 by /64", () => {
    expect(networkPrefix("198.51.100.7")).toBe("198.51.100.0/24");
    expect(networkPrefix("2001:db8:0:1::42")).toBe("2001:db8:0:1::/64");
    expect(networkPrefix("2001:DB8::1")).toBe("2001:db8:0:0::/64");
    expect(networkPrefix("2001:db8:a:b:c:d:e:f")).toBe("2001:db8:a:b::/64");
    expect(networkPrefix("::1")).toBe("0:0:0:0::/64");
    expect(networkPrefix("unknown")).toBeUndefined();
  });

  it("gives one key to a network and another to the next, never the address itself", () => {
    expect(voterNetworkKey("198.51.100.7")).toBe(voterNetworkKey("198.51.100.250"));
    expect(voterNetworkKey("198.51.100.7")).not.toBe(voterNetworkKey("198.51.101.7"));
    expect(voterNetworkKey("2001:db8:0:1::1")).toBe(voterNetworkKey("2001:db8:0:1:ffff::9"));
    expect(voterNetworkKey("198.51.100.7")).not.toContain("198");
  });
});
