import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { fetchOwnPage, isOwnPageRequest } from "@/lib/http/own-page";

describe("the server's own requests for a copy", () => {
  let seen: IncomingHttpHeaders | undefined;
  const server = createServer((request, response) => {
    seen = request.headers;
    response.end("page");
  });

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    process.env.__NEXT_PRIVATE_ORIGIN = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    delete process.env.__NEXT_PRIVATE_ORIGIN;
    await new Promise((resolve) => server.close(resolve));
  });

  it("are known by the process's secret, which nothing else can claim", async () => {
    expect(isOwnPageRequest(new Request("http://app/papers/1"))).toBe(false);
    expect(await (await fetchOwnPage("/papers/1", { cookie: "a=b" })).text()).toBe("page");
    const own = Object.fromEntries(Object.entries(seen!).filter(([name]) => name.startsWith("x-paperpulse-")));
    expect(Object.keys(own)).toHaveLength(1);
    const [name, secret] = Object.entries(own)[0] as [string, string];
    expect(seen!.cookie).toBe("a=b");

    expect(isOwnPageRequest(new Request("http://app/papers/1", { headers: { [name]: secret } }))).toBe(true);
    const forged = secret.slice(0, -2) + (secret.endsWith("AA") ? "BB" : "AA");
    for (const claim of [forged, secret.slice(1), "", `${secret}A`, "' OR 1=1 --"]) {
      expect(isOwnPageRequest(new Request("http://app/papers/1", { headers: { [name]: claim } })), claim).toBe(false);
    }
  });
});
