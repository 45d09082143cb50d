import { describe, expect, it } from "vitest";

// The read pool's statement timeout is set when lib/db.ts is first imported.
process.env.READ_STATEMENT_TIMEOUT_MS = "200";
const { db, primaryReadDb: readDb } = await import("@/lib/db");
const { jsonRoute } = await import("@/lib/http/json-route");

describe("read statement timeout", () => {
  it("stops a read query that runs too long and answers 503 with Retry-After, quickly", async () => {
    const route = jsonRoute(async () => {
      await readDb.$queryRaw`SELECT 1 AS one FROM pg_sleep(10)`;
      return Response.json({ ok: true });
    });
    const started = Date.now();
    const response = await route(new Request("http://localhost:3000/api/search?q=x"), undefined);
    // Long before the sleep would end: the timeout stopped it (a busy CI machine once took 2.2 s to connect and answer).
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect((await response.json()).error).toMatchObject({ code: "unavailable", message: expect.stringContaining("too long") });
  });

  it("leaves jobs and writes on the main pool without the limit", async () => {
    await expect(db.$queryRaw`SELECT 1 AS one FROM pg_sleep(0.4)`).resolves.toBeDefined();
  });
});
