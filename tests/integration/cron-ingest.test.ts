import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { startFixtureServer, type FixtureServer } from "../support/fixture-server";
import { RECORDED_ARXIV_PATH, RECORDED_HF_PATH, recordedApis } from "../support/recorded-apis";

const LISTED = ["2503.07001", "2503.07002", "2503.07003", "2503.07004", "2503.07005"];
let down = false;
let server: FixtureServer;
let route: typeof import("@/app/api/cron/ingest/route");
let db: typeof import("@/lib/db").db;

beforeAll(async () => {
  const recorded = recordedApis();
  server = await startFixtureServer((url) => (down ? { status: 503, type: "text/plain", body: "down for maintenance" } : recorded(url)));
  // lib/env.ts reads these when first imported, which happens below.
  process.env.ARXIV_API_URL = `${server.url}${RECORDED_ARXIV_PATH}`;
  process.env.HF_API_URL = `${server.url}${RECORDED_HF_PATH}`;
  process.env.ARXIV_REQUEST_INTERVAL_MS = "0";
  process.env.INGEST_RETRIES = "0";
  route = await import("@/app/api/cron/ingest/route");
  db = (await import("@/lib/db")).db;
});

afterAll(async () => {
  await server.close();
});

afterEach(async () => {
  down = false;
  server.requests.length = 0;
  await db.paper.deleteMany({ where: { arxivId: { in: LISTED } } });
});

const call = (headers: Record<string, string> = {}) =>
  route.POST(new Request("http://localhost:3000/api/cron/ingest", { method: "POST", headers }), undefined);

describe("POST /api/cron/ingest", () => {
  it("answers 401 without the cron secret, and does not ingest", async () => {
    const attempts: Record<string, string>[] = [
      {},
      { authorization: "Bearer wrong-secret-0123456789" },
      { authorization: "test-cron-secret-0123456789" },
    ];
    for (const headers of attempts) {
      const response = await call(headers);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: { code: "unauthorized", message: expect.stringContaining("Authorization: Bearer") } });
    }
    expect(server.requests).toHaveLength(0);
  });

  it("runs the daily ingest with the secret and reports each source", async () => {
    const response = await call({ authorization: "Bearer test-cron-secret-0123456789" });
    expect(response.status).toBe(200);
    const report = await response.json();
    expect(report.ok).toBe(true);
    expect(report.runs[0]).toMatchObject({ source: "arxiv", summary: { inserted: 5, error: null } });
    expect(report.runs.filter((run: { source: string }) => run.source === "huggingface")).toHaveLength(2);
    expect(await db.paper.count({ where: { arxivId: { in: LISTED } } })).toBe(5);
  });

  it("answers 502 with the reason when a source is down, having tried the others", async () => {
    down = true;
    const response = await call({ authorization: "Bearer test-cron-secret-0123456789" });
    expect(response.status).toBe(502);
    const report = await response.json();
    expect(report.ok).toBe(false);
    expect(report.runs.map((run: { summary: { error: string | null } }) => run.summary.error)).toEqual([
      expect.stringMatching(/arXiv API answered HTTP 503/),
      expect.stringMatching(/Hugging Face API answered HTTP 503/),
      expect.stringMatching(/Hugging Face API answered HTTP 503/),
    ]);
  });

  it("answers GET the same way, for schedulers that only send GET", async () => {
    const response = await route.GET(new Request("http://localhost:3000/api/cron/ingest"), undefined);
    expect(response.status).toBe(401);
  });
});
