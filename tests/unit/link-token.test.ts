import { createHash } from "node:crypto";

import { describe, expect, it } from "vitest";

import { newLinkToken, parseLinkToken, secretMatches } from "@/lib/subscribers/link-token";

describe("link tokens", () => {
  it("carry a 96-bit id and a 256-bit secret, and keep only the secret's SHA-256", () => {
    const { id, secretHash, token } = newLinkToken();
    const parsed = parseLinkToken(token)!;
    expect(parsed.id).toBe(id);
    expect(Buffer.from(parsed.secret, "base64url")).toHaveLength(32);
    expect(Buffer.from(secretHash)).toEqual(createHash("sha256").update(parsed.secret).digest());
    expect(newLinkToken().token).not.toBe(token);
  });

  it("match only the secret they were made from", () => {
    const { secretHash, token } = newLinkToken();
    const { secret } = parseLinkToken(token)!;
    expect(secretMatches(secret, secretHash)).toBe(true);
    expect(secretMatches(parseLinkToken(newLinkToken().token)!.secret, secretHash)).toBe(false);
    expect(secretMatches(secret, null)).toBe(false);
    expect(secretMatches(secret, new Uint8Array(31))).toBe(false);
  });

  it("reject anything not shaped like a token", () => {
    for (const bad of [
      "",
      "abc",
      "a.b",
      `${"a".repeat(16)}.${"b".repeat(42)}`,
      `${"a".repeat(16)}.${"b".repeat(43)}.c`,
      `${"a".repeat(16)}!${"b".repeat(43)}`,
    ]) {
      expect(parseLinkToken(bad)).toBeNull();
    }
  });
});
