import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { arxivOptions } from "@/lib/ingest/arxiv/arxiv-options";
import { hfOptions } from "@/lib/ingest/huggingface/hf-options";
import type { IngestBatch } from "@/lib/ingest/ingest-batch";
import { ingestArxivIds } from "@/lib/ingest/ingest-arxiv-ids";
import { ingestArxivListing } from "@/lib/ingest/ingest-arxiv-listing";
import { ingestDailyPapers } from "@/lib/ingest/ingest-daily-papers";
import { paperInputSchema, type PaperInput } from "@/lib/ingest/paper-input";
import { runIngest } from "@/lib/ingest/run-ingest";
import { upsertPapers } from "@/lib/ingest/upsert-papers";
import { seed } from "@/prisma/seed";

import { startFixtureServer, type FixtureServer } from "../support/fixture-server";
import { RECORDED_ARXIV_PATH, RECORDED_HF_PATH, recordedApis } from "../support/recorded-apis";
import { restoreSeedPaper } from "../support/restore-seed-paper";

const LISTED = ["2503.07001", "2503.07002", "2503.07003", "2503.07004", "2503.07005"];
const HF_ONLY = ["2503.08123", "2503.08456", "2503.08789", "2503.08790", "2503.08791"];
const listing = { categories: ["cs.LG"], from: new Date("2025-03-09T00:00:00Z"), to: new Date("2025-03-11T23:59:00Z") };

let server: FixtureServer;
let arxiv: ReturnType<typeof arxivOptions>;
let hf: ReturnType<typeof hfOptions>;

beforeAll(async () => {
  server = await startFixtureServer(recordedApis());
  arxiv = arxivOptions({ baseUrl: `${server.url}${RECORDED_ARXIV_PATH}`, requestIntervalMs: 0, pageSize: 3, retries: 0 });
  hf = hfOptions({ baseUrl: `${server.url}${RECORDED_HF_PATH}`, retries: 0 });
});

afterAll(async () => {
  await server.close();
});

afterEach(async () => {
  await db.paper.deleteMany({ where: { arxivId: { in: [...LISTED, ...HF_ONLY, "math/0211159", "2503.09999", "2503.09998"] } } });
  server.requests.length = 0;
});

const stored = (arxivId: string) =>
  db.paper.findUniqueOrThrow({
    where: { arxivId },
    select: {
      id: true,
      version: true,
      title: true,
      abstract: true,
      authors: true,
      publishedOn: true,
      revisedOn: true,
      primaryCategory: true,
      categories: true,
      doi: true,
      comment: true,
      journalRef: true,
      githubRepo: true,
      githubStars: true,
      externalUpvotes: true,
      votes: true,
      trendingScore: true,
      source: true,
      createdAt: true,
      updatedAt: true,
    },
  });

describe("arXiv listing", () => {
  it("pages through the listing with start and max_results and stores every paper once", async () => {
    const summary = await ingestArxivListing(listing, undefined, arxiv);
    expect(summary).toEqual({ inserted: 5, updated: 0, unchanged: 0, failed: 0, failures: [], error: null });
    expect(server.requests.map((url) => [url.searchParams.get("start"), url.searchParams.get("max_results")])).toEqual([
      ["0", "3"],
      ["3", "3"],
    ]);
    expect(server.requests[0]?.searchParams.get("search_query")).toBe("(cat:cs.LG) AND submittedDate:[202503090000 TO 202503112359]");
    expect(await db.paper.count({ where: { arxivId: { in: LISTED } } })).toBe(5);
    expect(await stored("2503.07002")).toMatchObject({
      version: 2,
      title: "Schrödinger Bridges for Fast Diffusion Sampling with Provable ε-Accuracy",
      authors: ["François Lefèvre", "Anna Kowalska"],
      primaryCategory: "cs.LG",
      categories: ["cs.LG", "cs.CV"],
      doi: "10.48550/example.2025.07002",
      journalRef: "Proceedings of ICLR 2025",
      source: "arxiv",
    });
  });

  it("changes nothing when the same ingest runs again", async () => {
    await ingestArxivListing(listing, undefined, arxiv);
    const before = await db.paper.findMany({ where: { arxivId: { in: LISTED } }, orderBy: { arxivId: "asc" } });
    const again = await ingestArxivListing(listing, undefined, arxiv);
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 5, failed: 0 });
    expect(await db.paper.findMany({ where: { arxivId: { in: LISTED } }, orderBy: { arxivId: "asc" } })).toEqual(before);
  });

  it("updates a paper to its new version instead of adding another, and never goes back to an older one", async () => {
    await ingestArxivListing(listing, undefined, arxiv);
    const v1 = await stored("2503.07001");
    expect(await ingestArxivIds(["https://arxiv.org/abs/2503.07001v2"], undefined, arxiv)).toMatchObject({ inserted: 0, updated: 1 });
    const v2 = await stored("2503.07001");
    expect(await db.paper.count({ where: { arxivId: "2503.07001" } })).toBe(1);
    expect(v2).toMatchObject({
      id: v1.id,
      createdAt: v1.createdAt,
      version: 2,
      title: "Linear-Time Attention in O(n) Memory: Sparse Kernels for Long-Context Transformers",
      revisedOn: new Date("2025-03-19T00:00:00Z"),
      journalRef: "Transactions on Machine Learning Research (2025)",
    });
    expect(v2.authors).toHaveLength(5);

    // The listing still carries v1: re-reading it leaves v2 in place.
    expect(await ingestArxivListing(listing, undefined, arxiv)).toMatchObject({ updated: 0, unchanged: 5 });
    expect((await stored("2503.07001")).title).toBe(v2.title);
  });

  it("reports ids arXiv does not know and input that is no id, and stores the rest", async () => {
    const summary = await ingestArxivIds(["math/0211159", "2503.99999", "not an id"], undefined, arxiv);
    expect(summary).toMatchObject({ inserted: 1, failed: 2, error: null });
    expect(summary.failures).toEqual([
      { id: "not an id", reason: '"not an id" is not an arXiv id or URL' },
      { id: "2503.99999", reason: "arXiv has no paper 2503.99999" },
    ]);
    expect(await stored("math/0211159")).toMatchObject({
      title: "The entropy formula for the Ricci flow and its geometric applications",
      primaryCategory: "math.DG",
    });
  });
});

describe("Hugging Face daily papers", () => {
  it("adds upvotes and code to the arXiv paper without replacing its metadata, and raises its trending score", async () => {
    await ingestArxivListing(listing, undefined, arxiv);
    const before = await stored("2503.07001");
    const summary = await ingestDailyPapers("2025-03-11", undefined, hf);
    expect(summary).toMatchObject({ inserted: 2, updated: 1, unchanged: 0, failed: 0, error: null });
    const after = await stored("2503.07001");
    expect(after).toMatchObject({
      title: before.title,
      abstract: before.abstract,
      categories: before.categories,
      source: "arxiv",
      externalUpvotes: 42,
      votes: 42,
      githubRepo: "https://github.com/example/sparse-kernels",
      githubStars: 1234,
    });
    expect(after.trendingScore).toBeGreaterThan(before.trendingScore);
    expect(await stored("2503.08123")).toMatchObject({
      source: "huggingface",
      categories: [],
      version: null,
      externalUpvotes: 17,
      githubRepo: null,
    });
  });

  it("changes nothing when the same day is read again, and takes new upvote counts when they move", async () => {
    await ingestDailyPapers("2025-03-11", undefined, hf);
    expect(await ingestDailyPapers("2025-03-11", undefined, hf)).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
    await db.paper.update({ where: { arxivId: "2503.08456" }, data: { externalUpvotes: 1 } });
    expect(await ingestDailyPapers("2025-03-11", undefined, hf)).toMatchObject({ updated: 1, unchanged: 2 });
    expect((await stored("2503.08456")).externalUpvotes).toBe(7);
  });

  it("lets arXiv fill in what Hugging Face does not know, keeping the upvotes", async () => {
    await ingestDailyPapers("2025-03-11", undefined, hf);
    await ingestArxivListing(listing, undefined, arxiv);
    expect(await stored("2503.07001")).toMatchObject({ version: 1, primaryCategory: "cs.LG", externalUpvotes: 42, source: "huggingface" });
  });

  it("stores a day with no papers as nothing", async () => {
    expect(await ingestDailyPapers("2025-01-01", undefined, hf)).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 0,
      failed: 0,
      failures: [],
      error: null,
    });
  });
});

const paper = (arxivId: string, extra: Partial<PaperInput> = {}): PaperInput =>
  paperInputSchema.parse({
    arxivId,
    title: `Paper ${arxivId}`,
    abstract: "",
    authors: ["A. Author"],
    publishedOn: "2025-03-12",
    primaryCategory: "cs.LG",
    categories: ["cs.LG"],
    source: "arxiv",
    ...extra,
  });
// PostgreSQL refuses a paper without a title; the type system cannot stop a buggy caller from sending one.
const broken = (arxivId: string) => ({ ...paper(arxivId), title: null }) as unknown as PaperInput;

describe("batches", () => {
  it("write all of a batch or none of it", async () => {
    await expect(upsertPapers([paper("2503.09999"), broken("2503.09998")])).rejects.toThrow();
    expect(await db.paper.count({ where: { arxivId: { in: ["2503.09999", "2503.09998"] } } })).toBe(0);
  });

  it("write none of a batch larger than one statement when its last part fails", async () => {
    const many = Array.from({ length: 1_001 }, (_, index) => paper(`2503.${String(10_000 + index)}`));
    many.push(broken("2503.09998"));
    try {
      await expect(upsertPapers(many)).rejects.toThrow();
      expect(await db.paper.count({ where: { arxivId: { startsWith: "2503.1" } } })).toBe(0);
    } finally {
      await db.paper.deleteMany({ where: { arxivId: { startsWith: "2503.1" } } });
    }
  });

  it("count a failed batch as failed and go on with the next", async () => {
    async function* source(): AsyncGenerator<IngestBatch> {
      yield { papers: [paper("2503.09999"), broken("2503.09998")], failures: [] };
      yield { papers: [paper("2503.07004")], failures: [{ id: "2503.07005", reason: "entry has no <title>" }] };
    }
    const summary = await runIngest(source());
    expect(summary).toMatchObject({ inserted: 1, failed: 3, error: null });
    expect(summary.failures.map((failure) => failure.id).sort()).toEqual(["2503.07005", "2503.09998", "2503.09999"]);
    expect(summary.failures.find((failure) => failure.id === "2503.09999")?.reason).toMatch(/could not store a batch of 2 papers/);
    expect(await db.paper.count({ where: { arxivId: { in: ["2503.09999", "2503.09998", "2503.07004"] } } })).toBe(1);
  });
});

describe("seed", () => {
  it("does not overwrite arXiv metadata of a seed paper when it runs again", async () => {
    try {
      await ingestArxivIds(["2411.15124"], undefined, arxiv);
      const updated = await stored("2411.15124");
      expect(updated).toMatchObject({ version: 3, primaryCategory: "cs.CL", source: "seed" });
      expect(await seed()).toEqual({ inserted: 0, updated: 0, unchanged: 81 });
      expect(await stored("2411.15124")).toEqual(updated);
    } finally {
      await restoreSeedPaper("2411.15124");
    }
    expect(await seed()).toEqual({ inserted: 0, updated: 0, unchanged: 81 });
  });
});
