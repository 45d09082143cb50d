// lib/env.ts validates the process environment when imported: the integration set-up provides one.
import { describe, expect, it } from "vitest";

import { parseEnv } from "@/lib/env";

const base = { DATABASE_URL: "postgresql://localhost/x", APP_SECRET: "x".repeat(32) };

describe("trust settings in the environment", () => {
  it("default to the socket as the client, 60 searches per 5 minutes, 10 emails an hour and an 8 s read timeout", () => {
    const env = parseEnv(base);
    expect(env.TRUSTED_PROXY_HOPS).toBe(0);
    expect(env.SEARCH_RATE_LIMIT).toEqual({ limit: 60, windowSeconds: 300 });
    expect(env.EMAIL_RATE_LIMIT).toEqual({ limit: 10, windowSeconds: 3_600 });
    expect(env.READ_STATEMENT_TIMEOUT_MS).toBe(8_000);
  });

  it("name the variable when a value is bad", () => {
    expect(() => parseEnv({ ...base, TRUSTED_PROXY_HOPS: "-1" })).toThrow(/TRUSTED_PROXY_HOPS/);
    expect(() => parseEnv({ ...base, SEARCH_RATE_LIMIT: "lots" })).toThrow(/SEARCH_RATE_LIMIT: must be <searches>\/<seconds>/);
    expect(() => parseEnv({ ...base, SEARCH_RATE_LIMIT: "0/60" })).toThrow(/SEARCH_RATE_LIMIT: both numbers/);
    expect(() => parseEnv({ ...base, EMAIL_RATE_LIMIT: "10 an hour" })).toThrow(/EMAIL_RATE_LIMIT: must be <emails>\/<seconds>/);
  });
});
