import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";

import { READ_PRIMARY_HEADER, RECENT_WRITE_COOKIE, RECENT_WRITE_SECONDS } from "@/lib/http/read-your-writes";
import { proxy } from "@/proxy";

// The proxy hands request headers on to the route as x-middleware-request-<name>.
const forwarded = (response: Response) => response.headers.get(`x-middleware-request-${READ_PRIMARY_HEADER}`);

describe("read-your-own-writes in the proxy", () => {
  it("marks a write to read from the primary and gives the client a short-lived cookie", async () => {
    const response = await proxy(new NextRequest("http://localhost:3000/api/subscriptions", { method: "POST" }));
    expect(forwarded(response)).toBe("1");
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toContain(`${RECENT_WRITE_COOKIE}=1`);
    expect(cookie).toContain(`Max-Age=${RECENT_WRITE_SECONDS}`);
    expect(cookie.toLowerCase()).toContain("httponly");
  });

  it("sends the reads of a client that wrote moments ago to the primary", async () => {
    const response = await proxy(new NextRequest("http://localhost:3000/papers/2502.03387", { headers: { cookie: `${RECENT_WRITE_COOKIE}=1` } }));
    expect(forwarded(response)).toBe("1");
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  it("lets other reads go to a replica, whatever header a client sends", async () => {
    const plain = await proxy(new NextRequest("http://localhost:3000/api/papers"));
    expect(forwarded(plain)).toBeNull();
    const forged = await proxy(new NextRequest("http://localhost:3000/api/papers", { headers: { [READ_PRIMARY_HEADER]: "1" } }));
    expect(forwarded(forged)).toBeNull();
  });
});
