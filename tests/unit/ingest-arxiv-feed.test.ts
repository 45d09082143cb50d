import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { entryToPaper } from "@/lib/ingest/arxiv/entry-to-paper";
import { listingSearchQuery } from "@/lib/ingest/arxiv/arxiv-listing";
import { parseAtomFeed } from "@/lib/ingest/arxiv/parse-atom-feed";
import { IngestError } from "@/lib/ingest/ingest-error";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "../fixtures/arxiv", name), "utf8");

async function papersOf(name: string) {
  const feed = await parseAtomFeed([fixture(name)]);
  return feed.entries.map((entry) => entryToPaper(entry, "arxiv"));
}

describe("parseAtomFeed", () => {
  it("reads the paging counts and every entry of a listing page", async () => {
    const feed = await parseAtomFeed([fixture("listing-cs-lg-page-1.xml")]);
    expect(feed).toMatchObject({ totalResults: "5", startIndex: "0", itemsPerPage: "3" });
    expect(feed.entries.map((entry) => entry.id)).toEqual([
      "http://arxiv.org/abs/2503.07001v1",
      "http://arxiv.org/abs/2503.07002v2",
      "http://arxiv.org/abs/2503.07003v2",
    ]);
  });

  it("gives the same result however the body is split into chunks, even inside a multi-byte character", async () => {
    const xml = fixture("listing-cs-lg-page-1.xml");
    const chunks = xml.match(/[\s\S]{1,7}/g)!;
    expect(await parseAtomFeed(chunks)).toEqual(await parseAtomFeed([xml]));
  });

  it("rejects a cut-off body as malformed XML", async () => {
    const parse = parseAtomFeed([fixture("truncated.xml")]);
    await expect(parse).rejects.toThrow(IngestError);
    await expect(parse).rejects.toThrow(/malformed XML.*unclosed tag/);
  });

  it("rejects an HTML error page", async () => {
    await expect(parseAtomFeed([fixture("rate-limited.html")])).rejects.toThrow(/returned an HTML page instead of an Atom feed/);
  });

  it("rejects an empty body", async () => {
    await expect(parseAtomFeed([""])).rejects.toThrow(/empty body/);
  });

  it("reads the API's error entry like any entry, for the caller to report", async () => {
    const feed = await parseAtomFeed([fixture("error-incorrect-id.xml")]);
    expect(feed.entries[0]).toMatchObject({
      id: "http://arxiv.org/api/errors#incorrect_id_format_for_2503.7",
      summary: "incorrect id format for 2503.7",
    });
  });
});

describe("entryToPaper", () => {
  it("normalises a multi-line LaTeX title and keeps authors in order, with unicode names", async () => {
    const [first] = await papersOf("listing-cs-lg-page-1.xml");
    expect(first).toEqual({
      ok: true,
      paper: expect.objectContaining({
        arxivId: "2503.07001",
        version: 1,
        title: "Linear-Time Attention in O(n) Memory: Sparse Kernels for Long-Context Transformers – A Systematic Study",
        authors: ["José García-López", "Zoë Müller", "王小明", "Søren Kierkegaard-Østergaard"],
        publishedOn: "2025-03-10",
        revisedOn: null,
        primaryCategory: "cs.LG",
        categories: ["cs.LG", "cs.CL", "stat.ML"],
        comment: "21 pages, 7 figures; code at https://github.com/example/sparse-kernels",
        doi: null,
        journalRef: null,
        source: "arxiv",
      }),
    });
    if (first?.ok) expect(first.paper.abstract).toMatch(/^Self-attention scales .* 2¹⁷ tokens\.\n\nWe further show that .* α-entmax/s);
  });

  it("reads a later version's revision date, DOI, journal reference and TeX accents in names", async () => {
    const [, second] = await papersOf("listing-cs-lg-page-1.xml");
    expect(second).toMatchObject({
      ok: true,
      paper: {
        arxivId: "2503.07002",
        version: 2,
        title: "Schrödinger Bridges for Fast Diffusion Sampling with Provable ε-Accuracy",
        authors: ["François Lefèvre", "Anna Kowalska"],
        publishedOn: "2025-03-10",
        revisedOn: "2025-03-11",
        doi: "10.48550/example.2025.07002",
        journalRef: "Proceedings of ICLR 2025",
      },
    });
  });

  it("keeps a withdrawn paper, with the withdrawal in its comment", async () => {
    const [, , withdrawn] = await papersOf("listing-cs-lg-page-1.xml");
    expect(withdrawn).toMatchObject({
      ok: true,
      paper: { arxivId: "2503.07003", version: 2, comment: expect.stringMatching(/withdrawn/) },
    });
  });

  it("copes with missing fields: no comment, no primary category, padded names; takes the first of several DOIs", async () => {
    const [sparse, crossListed] = await papersOf("listing-cs-lg-page-2.xml");
    expect(sparse).toMatchObject({
      ok: true,
      paper: {
        title: "Tabular Foundation Models Need Better Benchmarks",
        authors: ["Mei Ling Tan"],
        primaryCategory: "cs.LG",
        categories: ["cs.LG"],
        comment: null,
      },
    });
    expect(crossListed).toMatchObject({
      ok: true,
      paper: {
        title: "“Calibrated” Conformal Prediction under Distribution Shift with ℓ₂-Regularised Scores",
        primaryCategory: "stat.ML",
        categories: ["stat.ML", "cs.LG", "math.ST"],
        doi: "10.1214/25-AOS0001",
        journalRef: "Ann. Statist. 53 (2025) 1-29",
      },
    });
  });

  it("reads old-style ids with their archive", async () => {
    const [paper] = await papersOf("id-math-0211159.xml");
    expect(paper).toMatchObject({
      ok: true,
      paper: { arxivId: "math/0211159", version: 1, publishedOn: "2002-11-11", primaryCategory: "math.DG" },
    });
  });

  it("explains why an entry cannot be a paper, naming it by id", () => {
    const base = { authors: [], categories: [], links: [] };
    expect(entryToPaper({ ...base, id: "http://arxiv.org/abs/2503.07009v1" }, "arxiv")).toEqual({
      ok: false,
      id: "2503.07009",
      reason: "entry has no <title>",
    });
    expect(entryToPaper({ ...base, id: "http://example.org/whatever", title: "T" }, "arxiv")).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not an arXiv id/),
    });
    expect(entryToPaper({ ...base, id: "http://arxiv.org/abs/2503.07009v1", title: "  $$ " }, "arxiv")).toMatchObject({
      ok: false,
      id: "2503.07009",
      reason: expect.stringMatching(/cannot be stored: title/),
    });
  });
});

describe("listingSearchQuery", () => {
  it("asks for any of the categories within the submission window, in GMT minutes", () => {
    expect(
      listingSearchQuery({ categories: ["cs.LG", "cs.AI"], from: new Date("2025-03-09T00:00:00Z"), to: new Date("2025-03-11T23:59:30Z") }),
    ).toBe("(cat:cs.LG OR cat:cs.AI) AND submittedDate:[202503090000 TO 202503112359]");
  });
});
