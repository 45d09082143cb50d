import { describe, expect, it } from "vitest";

import { isSameOrigin } from "@/lib/http/same-origin";

const APP_URL = "http://localhost:3000";
const check = (headers: Record<string, string>) => isSameOrigin(new Headers(headers), APP_URL);

describe("isSameOrigin", () => {
  it("accepts the public URL and the host the request was sent to", () => {
    expect(check({ origin: "http://localhost:3000", host: "127.0.0.1:3000" })).toBe(true);
    expect(check({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" })).toBe(true);
    expect(check({ origin: "https://paperpulse.example", host: "10.0.0.4:3000", "x-forwarded-host": "paperpulse.example" })).toBe(true);
  });

  it("refuses other sites, the null origin and junk; lets requests without Origin through", () => {
    expect(check({ origin: "https://evil.example", host: "127.0.0.1:3000" })).toBe(false);
    expect(check({ origin: "http://127.0.0.1:3001", host: "127.0.0.1:3000" })).toBe(false);
    expect(check({ origin: "null", host: "127.0.0.1:3000" })).toBe(false);
    expect(check({ origin: "::", host: "127.0.0.1:3000" })).toBe(false);
    expect(check({ host: "127.0.0.1:3000" })).toBe(true);
  });
});
