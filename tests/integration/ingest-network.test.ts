import { readFileSync } from "node:fs";
import path from "node:path";

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { arxivOptions } from "@/lib/ingest/arxiv/arxiv-options";
import { hfOptions } from "@/lib/ingest/huggingface/hf-options";
import { ingestArxivIds } from "@/lib/ingest/ingest-arxiv-ids";
import { ingestArxivListing } from "@/lib/ingest/ingest-arxiv-listing";
import { ingestDailyPapers } from "@/lib/ingest/ingest-daily-papers";

import { fixturesDir, startFixtureServer, type FixtureReply, type FixtureServer } from "../support/fixture-server";

// Each test scripts the answers, one per request, in order; the last one repeats.
let replies: FixtureReply[] = [];
let server: FixtureServer;

beforeAll(async () => {
  server = await startFixtureServer(() => (replies.length > 1 ? replies.shift() : replies[0]));
});

afterAll(async () => {
  await server.close();
});

afterEach(async () => {
  server.requests.length = 0;
  await db.paper.deleteMany({
    where: { arxivId: { in: ["2503.07001", "2503.07002", "2503.07003", "2503.08123", "2503.08456", "2503.08791"] } },
  });
});

const arxiv = (overrides: Parameters<typeof arxivOptions>[0] = {}) =>
  arxivOptions({
    baseUrl: `${server.url}/api/query`,
    requestIntervalMs: 0,
    retries: 2,
    retryBaseMs: 1,
    timeoutMs: 2_000,
    pageSize: 3,
    ...overrides,
  });
const hf = () => hfOptions({ baseUrl: `${server.url}/api`, retries: 1, retryBaseMs: 1, timeoutMs: 2_000 });
const listing = { categories: ["cs.LG"], from: new Date("2025-03-09T00:00:00Z"), to: new Date("2025-03-11T23:59:00Z") };
const page1 = { file: "arxiv/listing-cs-lg-page-1.xml" };
const page1Body = readFileSync(path.join(fixturesDir, "arxiv/listing-cs-lg-page-1.xml"), "utf8");

describe("arXiv over the network", () => {
  it("retries a 503 and a dropped connection, then succeeds", async () => {
    replies = [
      { status: 503, type: "text/plain", body: "busy", headers: { "retry-after": "0" } },
      { body: page1Body, hangUpAfter: 1_500 },
      { file: "arxiv/id-2503.07001v2.xml" },
    ];
    const summary = await ingestArxivIds(["2503.07001"], undefined, arxiv());
    expect(server.requests).toHaveLength(3);
    expect(summary).toMatchObject({ inserted: 1, failed: 0, error: null });
  });

  it("gives up after the configured retries with a message naming the status", async () => {
    replies = [{ status: 503, type: "text/html", body: "<html><body><h1>Service Unavailable</h1></body></html>" }];
    const summary = await ingestArxivListing(listing, undefined, arxiv());
    expect(server.requests).toHaveLength(3);
    expect(summary.error).toMatch(
      /^arXiv API answered HTTP 503 Service Unavailable: Service Unavailable \(http:\/\/127\.0\.0\.1:\d+\/api\/query\?.*\) \(gave up after 3 attempts\)$/,
    );
  });

  it("does not retry a 404", async () => {
    replies = [{ status: 404, type: "text/plain", body: "Not Found" }];
    const summary = await ingestArxivListing(listing, undefined, arxiv());
    expect(server.requests).toHaveLength(1);
    expect(summary.error).toMatch(/answered HTTP 404 Not Found: Not Found/);
  });

  it("reports the API's own error entry, without retrying", async () => {
    replies = [{ status: 400, file: "arxiv/error-incorrect-id.xml" }];
    expect((await ingestArxivIds(["2503.07001"], undefined, arxiv())).error).toMatch(
      /HTTP 400 Bad Request: incorrect id format for 2503\.7/,
    );
    server.requests.length = 0;
    replies = [{ file: "arxiv/error-incorrect-id.xml" }];
    expect((await ingestArxivIds(["2503.07001"], undefined, arxiv())).error).toBe(
      "arXiv API rejected the query: incorrect id format for 2503.7",
    );
    expect(server.requests).toHaveLength(1);
  });

  it("rejects an HTML page served as success", async () => {
    replies = [{ file: "arxiv/rate-limited.html" }];
    expect((await ingestArxivListing(listing, undefined, arxiv({ retries: 0 }))).error).toMatch(
      /returned an HTML page instead of an Atom feed/,
    );
  });

  it("rejects truncated XML after retrying it, keeping nothing of it", async () => {
    replies = [{ file: "arxiv/truncated.xml" }];
    const summary = await ingestArxivListing(listing, undefined, arxiv());
    expect(server.requests).toHaveLength(3);
    expect(summary.error).toMatch(/malformed XML \(\d+:\d+: unclosed tag: \w+\)/);
    expect(await db.paper.count({ where: { arxivId: "2503.07001" } })).toBe(0);
  });

  it("keeps the pages that arrived when a later page fails", async () => {
    replies = [page1, { status: 500, type: "text/plain", body: "oops" }];
    const summary = await ingestArxivListing(listing, undefined, arxiv({ retries: 0 }));
    expect(summary).toMatchObject({ inserted: 3, failed: 0, error: expect.stringMatching(/HTTP 500/) });
  });

  it("times out a server that does not answer", async () => {
    const slow = await startFixtureServer(() => new Promise(() => {}));
    try {
      const summary = await ingestArxivListing(listing, undefined, arxiv({ baseUrl: `${slow.url}/api/query`, timeoutMs: 200, retries: 1 }));
      expect(summary.error).toMatch(/did not answer within 0.2 s .* \(gave up after 2 attempts\)/);
    } finally {
      await slow.close();
    }
  });

  it("explains an unreachable server", async () => {
    const gone = await startFixtureServer(() => undefined);
    const url = `${gone.url}/api/query`;
    await gone.close();
    const summary = await ingestArxivListing(listing, undefined, arxiv({ baseUrl: url, retries: 0 }));
    expect(summary.error).toMatch(/^arXiv API could not be reached: .*ECONNREFUSED/);
  });
});

describe("Hugging Face over the network", () => {
  it("rejects a JSON answer that is not a list of papers", async () => {
    replies = [{ file: "huggingface/wrong-shape.json" }];
    expect((await ingestDailyPapers("2025-03-11", undefined, hf())).error).toMatch(/returned an object instead of a JSON list of papers/);
  });

  it("rejects malformed JSON and HTML after a retry", async () => {
    replies = [{ type: "application/json", body: '[{"paper": {"id": "2503.0' }];
    expect((await ingestDailyPapers("2025-03-11", undefined, hf())).error).toMatch(/returned malformed JSON .*gave up after 2 attempts/);
    replies = [{ file: "arxiv/rate-limited.html" }];
    expect((await ingestDailyPapers("2025-03-11", undefined, hf())).error).toMatch(/returned an HTML page instead of a JSON list/);
  });

  it("shows Hugging Face's own error message", async () => {
    replies = [{ status: 400, type: "application/json", body: JSON.stringify({ error: '"date" must be a valid date' }) }];
    expect((await ingestDailyPapers("2025-13-01", undefined, hf())).error).toMatch(/HTTP 400 Bad Request: "date" must be a valid date/);
  });

  it("skips items of the wrong shape and stores the others", async () => {
    replies = [{ file: "huggingface/daily-papers-malformed-items.json" }];
    const summary = await ingestDailyPapers("2025-03-12", undefined, hf());
    expect(summary).toMatchObject({ inserted: 2, failed: 2, error: null });
    expect(summary.failures.map((failure) => failure.id)).toEqual(["2503.08789", "2503.08790"]);
    expect(summary.failures[0]?.reason).toMatch(/item 2 does not match the daily papers format: .*paper\.upvotes/);
    expect(await db.paper.findUnique({ where: { arxivId: "2503.08791" }, select: { githubRepo: true } })).toEqual({ githubRepo: null });
  });
});
