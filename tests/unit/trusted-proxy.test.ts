import { describe, expect, it } from "vitest";

import { normalizeAddress, trustedClientAddress, trustedForwardedValue } from "@/lib/http/trusted-proxy";

describe("trustedClientAddress", () => {
  it("believes only the socket when no proxy is trusted, whatever the client wrote", () => {
    expect(trustedClientAddress("198.51.100.7", "203.0.113.9", 0)).toBe("203.0.113.9");
    expect(trustedClientAddress(undefined, "::ffff:127.0.0.1", 0)).toBe("127.0.0.1");
  });

  it("takes the entry the outermost trusted proxy appended, ignoring what the client prepended", () => {
    // client forged "1.1.1.1"; the CDN appended the real client 198.51.100.7; the load balancer the CDN.
    expect(trustedClientAddress("1.1.1.1, 198.51.100.7, 10.0.0.5", "10.0.0.9", 2)).toBe("198.51.100.7");
    expect(trustedClientAddress("1.1.1.1, 198.51.100.7", "10.0.0.9", 1)).toBe("198.51.100.7");
  });

  it("falls back to the leftmost entry when fewer proxies were passed than trusted", () => {
    expect(trustedClientAddress("198.51.100.7", "10.0.0.9", 3)).toBe("198.51.100.7");
    expect(trustedClientAddress(undefined, "10.0.0.9", 1)).toBe("10.0.0.9");
  });

  it("uses the peer when the trusted entry is not an address", () => {
    expect(trustedClientAddress("not-an-ip", "10.0.0.9", 1)).toBe("10.0.0.9");
  });
});

describe("trustedForwardedValue", () => {
  it("ignores forwarded hosts without trusted proxies and picks the trusted one with them", () => {
    expect(trustedForwardedValue("evil.example", 0)).toBeUndefined();
    expect(trustedForwardedValue("paperpulse.example", 1)).toBe("paperpulse.example");
    expect(trustedForwardedValue("evil.example, paperpulse.example", 1)).toBe("paperpulse.example");
  });
});

describe("normalizeAddress", () => {
  it("drops ports, brackets and the IPv4-mapped prefix, and refuses junk", () => {
    expect(normalizeAddress("192.0.2.1:443")).toBe("192.0.2.1");
    expect(normalizeAddress("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normalizeAddress("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(normalizeAddress("2001:db8::1")).toBe("2001:db8::1");
    expect(normalizeAddress("unknown")).toBeUndefined();
  });
});
