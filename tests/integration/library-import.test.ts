import { randomBytes } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { arxivOptions, type ArxivOptions } from "@/lib/ingest/arxiv/arxiv-options";
import { runImport } from "@/lib/library/read-import";
import { retryPendingImports } from "@/lib/library/retry-pending-imports";
import { createSession } from "@/lib/readers/sessions";

import { startFixtureServer, type FixtureServer } from "../support/fixture-server";
import { RECORDED_ARXIV_PATH, recordedApis } from "../support/recorded-apis";

const importRoute = await import("@/app/api/library/import/route");

let server: FixtureServer;
let options: ArxivOptions;
beforeAll(async () => {
  server = await startFixtureServer(recordedApis());
  options = arxivOptions({ baseUrl: `${server.url}${RECORDED_ARXIV_PATH}`, requestIntervalMs: 0, retries: 0 });
  // Papers this file fetches "for the first time", whatever earlier files ingested.
  await db.paper.deleteMany({ where: { arxivId: { in: ["2503.07004", "2503.07005"] } } });
});
afterAll(() => server.close());

async function newReader() {
  return db.reader.create({ data: { email: `imp-${randomBytes(6).toString("hex")}@example.org` }, select: { id: true } });
}

const encode = (text: string) => new TextEncoder().encode(text);

async function libraryOf(readerId: number): Promise<string[]> {
  const rows = await db.$queryRaw<{ arxivId: string }[]>`
    SELECT p.arxiv_id AS "arxivId" FROM library_item li JOIN paper p ON p.id = li.paper_id WHERE li.reader_id = ${readerId} ORDER BY 1`;
  return rows.map((row) => row.arxivId);
}

/** importPapers against this file's recorded arXiv (runImport, the entry point, uses the configured one). */
async function importWith(readerId: number, input: Parameters<typeof runImport>[1], arxiv = options) {
  const { importPapers } = await import("@/lib/library/import-papers");
  const text = input.file ? new TextDecoder().decode(input.file) : input.paste!;
  return importPapers(readerId, { text, source: input.file ? "file" : "paste", tags: input.tags }, arxiv);
}

describe("importing into a library", () => {
  it("imports a Zotero BibTeX file: known papers saved, unknown fetched, unknown to arXiv skipped, all tagged", async () => {
    const { id } = await newReader();
    const bib = `
@misc{a, title={Known}, eprint={2502.03387}, archivePrefix={arXiv}}
@article{b, url={https://arxiv.org/abs/2503.07004v1}, doi={10.48550/arXiv.2503.07004}}
@misc{c, note={arXiv:2503.99999}}
@book{d, title={No arXiv at all}}
@misc{e, eprint={2502.03387}}`;
    const summary = await importWith(id, { file: encode(bib), tags: ["zotero"] });
    expect(summary).toMatchObject({
      found: 3,
      duplicates: 1,
      records: 5,
      recordsWithoutId: 1,
      added: ["2502.03387"],
      fetched: ["2503.07004"],
      notFound: ["2503.99999"],
      waiting: [],
    });
    expect(await libraryOf(id)).toEqual(["2502.03387", "2503.07004"]);
    const tagged = await db.libraryItemTag.count({ where: { readerId: id } });
    expect(tagged).toBe(2);

    const again = await importWith(id, { file: encode(bib) });
    expect(again.alreadySaved.sort()).toEqual(["2502.03387", "2503.07004"]);
    expect(again.added).toEqual([]);
  });

  it("imports a Mendeley RIS file and pasted links", async () => {
    const { id } = await newReader();
    const ris = "TY  - JOUR\nUR  - http://arxiv.org/abs/2411.15124v2\nER  - \n";
    expect((await importWith(id, { file: encode(ris) })).added).toEqual(["2411.15124"]);
    const pasted = await importWith(id, { paste: "2502.03387, https://arxiv.org/pdf/2411.15124v3 and 2502.03387" });
    expect(pasted).toMatchObject({ found: 2, duplicates: 1, added: ["2502.03387"], alreadySaved: ["2411.15124"] });
  });

  it("keeps papers arXiv could not deliver waiting, then saves them when a retry gets them", async () => {
    const { id } = await newReader();
    const gone = await startFixtureServer(() => undefined);
    const offline = arxivOptions({ baseUrl: `${gone.url}/api/query`, requestIntervalMs: 0, retries: 0 });
    await gone.close();
    const summary = await importWith(id, { paste: "https://arxiv.org/abs/2503.07005" }, offline);
    expect(summary.waiting).toEqual([{ arxivId: "2503.07005", reason: expect.stringContaining("could not be reached") }]);
    expect(await db.libraryImportPending.count({ where: { readerId: id } })).toBe(1);
    expect(await libraryOf(id)).toEqual([]);

    expect(await retryPendingImports(options)).toMatchObject({ saved: 1 });
    expect(await libraryOf(id)).toEqual(["2503.07005"]);
    expect(await db.libraryImportPending.count({ where: { readerId: id } })).toBe(0);
  });
});

describe("hostile imports", () => {
  it("refuses a file over 2 MB, a binary and text without entries with a clear message", async () => {
    const { id } = await newReader();
    await expect(runImport(id, { file: new Uint8Array(2 * 1024 * 1024 + 1).fill(0x40) })).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining("up to 2 MB"),
    });
    const pdf = new Uint8Array([...encode("%PDF-1.7\n"), 0, 159, 146, 150, 0, ...encode("arXiv:2502.03387")]);
    await expect(runImport(id, { file: pdf })).rejects.toMatchObject({ status: 400, message: expect.stringContaining("not a text file") });
    await expect(runImport(id, { file: encode("just some words, nothing else") })).rejects.toMatchObject({
      message: expect.stringContaining("does not look like a BibTeX or RIS file"),
    });
    await expect(runImport(id, { file: encode("@book{a, title={x}}\n@book{b, title={y}}") })).rejects.toMatchObject({
      message: expect.stringContaining("2 entries, but none names an arXiv paper"),
    });
    await expect(runImport(id, { paste: "   " })).rejects.toMatchObject({ status: 400 });
    await expect(runImport(id, { paste: "x".repeat(2 * 1024 * 1024 + 1) })).rejects.toMatchObject({ status: 400 });
    expect(await libraryOf(id)).toEqual([]);
  });

  it("reads what it can of broken BibTeX", async () => {
    const { id } = await newReader();
    const broken =
      "@misc{a, title = {unclosed {{{, eprint = {2502.03387}\n@@@}}}} garbage\n@misc{b url = https://arxiv.org/abs/2411.15124 ";
    const summary = await importWith(id, { file: encode(broken) });
    expect(summary.added.sort()).toEqual(["2411.15124", "2502.03387"]);
  });

  it("takes thousands of ids and duplicates in one import, and no more than 5,000", async () => {
    const { id } = await newReader();
    const known = (await db.paper.findMany({ select: { arxivId: true }, take: 20 })).map((paper) => paper.arxivId);
    const many = Array.from({ length: 6_000 }, (_, index) => `2401.${String(10_000 + index)}`);
    const text = [...known, ...known, ...many].join("\n");
    const started = Date.now();
    const summary = await importWith(id, { paste: text });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(summary.found).toBe(6_020);
    expect(summary.duplicates).toBe(20);
    expect(summary.overLimit).toBe(1_020);
    expect(summary.added).toHaveLength(20);
    // One arXiv request for the first hundred unknown ids (the recordings know none of them) ...
    expect(summary.notFound).toHaveLength(100);
    // ... and the rest wait for the background retries.
    expect(summary.waiting).toHaveLength(4_880);
    expect(await db.libraryImportPending.count({ where: { readerId: id } })).toBe(4_880);
    await db.libraryImportPending.deleteMany({ where: { readerId: id } });
  });

  it("answers the import API with a 400 for a body over the limit and a summary otherwise", async () => {
    const reader = await newReader();
    const cookie = `pp_session=${await createSession(reader.id)}`;
    const post = (body: BodyInit, headers: Record<string, string>) =>
      importRoute.POST(
        new Request("http://localhost:3000/api/library/import?tag=api", { method: "POST", headers: { cookie, ...headers }, body }),
        undefined,
      );
    const huge = await post(new Uint8Array(3 * 1024 * 1024).fill(0x61), { "content-type": "application/x-bibtex" });
    expect(huge.status).toBe(400);
    expect((await huge.json()).error.message).toContain("2 MB");
    const ok = await post("2502.03387", { "content-type": "text/plain" });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ found: 1, added: ["2502.03387"] });
    const crossSite = await post("2502.03387", { "content-type": "text/plain", origin: "https://evil.example" });
    expect(crossSite.status).toBe(403);
  });
});
