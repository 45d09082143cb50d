import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";
import { arxivOptions } from "@/lib/ingest/arxiv/arxiv-options";
import { refreshPaperFromArxiv, submitPaper } from "@/lib/ingest/submit-paper";

import { startFixtureServer, type FixtureServer } from "../support/fixture-server";
import { restoreSeedPaper } from "../support/restore-seed-paper";
import { RECORDED_ARXIV_PATH, recordedApis } from "../support/recorded-apis";

let server: FixtureServer;
let options: ReturnType<typeof arxivOptions>;

beforeAll(async () => {
  server = await startFixtureServer(recordedApis());
  options = arxivOptions({ baseUrl: `${server.url}${RECORDED_ARXIV_PATH}`, requestIntervalMs: 0, retries: 0 });
});

afterAll(async () => {
  await server.close();
});

// Other test files ingest the same recorded papers into the shared database: start and leave each test without them.
const removeSubmittedPapers = () => db.paper.deleteMany({ where: { arxivId: { in: ["2503.07002", "math/0211159"] } } });

beforeEach(removeSubmittedPapers);

afterEach(async () => {
  server.requests.length = 0;
  await removeSubmittedPapers();
});

describe("submitPaper", () => {
  it("fetches a paper from a Hugging Face link and adds it as submitted; a second time it is already known", async () => {
    expect(await submitPaper("https://huggingface.co/papers/2503.07002", options)).toEqual({
      arxivId: "2503.07002",
      title: "Schrödinger Bridges for Fast Diffusion Sampling with Provable ε-Accuracy",
      authors: ["François Lefèvre", "Anna Kowalska"],
      publishedOn: "2025-03-10",
      primaryCategory: "cs.LG",
      status: "added",
      refreshFromArxiv: false,
    });
    expect(await db.paper.findUnique({ where: { arxivId: "2503.07002" }, select: { source: true, version: true } })).toEqual({
      source: "submitted",
      version: 2,
    });
    expect(await submitPaper("arXiv:2503.07002v1", options)).toMatchObject({ status: "known" });
    expect(server.requests).toHaveLength(1);
  });

  it("accepts PDF links and old-style ids", async () => {
    expect(await submitPaper("https://arxiv.org/pdf/math/0211159v1.pdf", options)).toMatchObject({
      arxivId: "math/0211159",
      status: "added",
    });
  });

  it("answers a paper we only know from the seed at once, and fills it in from arXiv afterwards", async () => {
    try {
      const unreachable = arxivOptions({ baseUrl: "http://127.0.0.1:9/api/query", requestIntervalMs: 0, retries: 0, timeoutMs: 20_000 });
      const started = performance.now();
      expect(await submitPaper("https://arxiv.org/abs/2502.03387v2", unreachable)).toMatchObject({
        status: "known",
        refreshFromArxiv: true,
      });
      // Long before arXiv's 20 s timeout: the answer did not wait for it (a busy machine may take a few seconds).
      expect(performance.now() - started).toBeLessThan(10_000);
      expect(server.requests).toHaveLength(0);

      await refreshPaperFromArxiv("2502.03387", options);
      expect(server.requests).toHaveLength(1);
      expect(await db.paper.findUnique({ where: { arxivId: "2502.03387" }, select: { primaryCategory: true } })).toEqual({
        primaryCategory: "cs.CL",
      });
      await expect(refreshPaperFromArxiv("2502.03387", unreachable)).resolves.toBeUndefined();
    } finally {
      await restoreSeedPaper("2502.03387");
    }
  });

  it("refuses input that holds no arXiv id, without asking arXiv", async () => {
    await expect(submitPaper("attention is all you need", options)).rejects.toMatchObject({
      code: "bad_request",
      message: expect.stringMatching(/not an arXiv id or link/),
    });
    expect(server.requests).toHaveLength(0);
  });

  it("says when arXiv has no such paper", async () => {
    await expect(submitPaper("2503.99999", options)).rejects.toEqual(
      new AppError("not_found", "arXiv has no paper 2503.99999. Check the id and try again."),
    );
  });

  it("says arXiv is unreachable without showing internals", async () => {
    const gone = await startFixtureServer(() => undefined);
    const url = `${gone.url}/api/query`;
    await gone.close();
    await expect(submitPaper("2503.07002", arxivOptions({ baseUrl: url, requestIntervalMs: 0, retries: 0 }))).rejects.toMatchObject({
      code: "unavailable",
      message: "arXiv could not be reached just now. Please try again in a few minutes.",
    });
  });
});
