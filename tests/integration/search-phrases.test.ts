import { afterAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { PaperInput } from "@/lib/ingest/paper-input";
import { upsertPapers } from "@/lib/ingest/upsert-papers";
import { searchPapers } from "@/lib/search/search-papers";
import { requiredTerms } from "@/lib/search/required-terms";
import { searchQuerySchema, type PhraseLookup } from "@/lib/search/search-query";
import { phraseLookupSql, searchCountSql } from "@/lib/search/search-sql";

import { paperInput } from "../support/paper-input";

async function search(q: string, extra: Record<string, string> = {}) {
  return searchPapers(searchQuerySchema.parse({ q, ...extra }));
}

/** The papers whose search vector matches the query, by PostgreSQL alone, without the word-pair index. */
async function matchingByVector(q: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ arxivId: string }[]>`
    SELECT arxiv_id AS "arxivId" FROM paper WHERE search_vector @@ websearch_to_tsquery('paper_search'::regconfig, ${q})`;
  return rows.map((row) => row.arxivId).sort();
}

const added: string[] = [];
async function add(papers: PaperInput[]) {
  added.push(...papers.map((p) => p.arxivId));
  await upsertPapers(papers);
}

afterAll(async () => {
  await db.paper.deleteMany({ where: { arxivId: { in: added } } });
});

describe("phrases", () => {
  it("find exactly the papers holding the words side by side, as the search vector alone would", async () => {
    // Every two- and three-word run of plain words in the seed titles, so the phrases are real ones.
    const titles = await db.paper.findMany({ select: { title: true }, take: 40, orderBy: { id: "asc" } });
    const phrases = new Set<string>();
    for (const { title } of titles) {
      const words = title.split(/\s+/).filter((word) => /^[\p{L}\p{Nd}]+$/u.test(word));
      for (let index = 0; index + 1 < words.length; index++) {
        phrases.add(words.slice(index, index + 2 + (index % 2)).join(" "));
      }
    }
    expect(phrases.size).toBeGreaterThan(50);
    let found = 0;
    for (const phrase of phrases) {
      const q = `"${phrase}"`;
      const result = await search(q, { sort: "newest", limit: "50" });
      const expected = await matchingByVector(q);
      expect(result.total, q).toEqual({ count: expected.length, exact: true });
      expect(expected, q).toEqual(expect.arrayContaining(result.papers.map((hit) => hit.arxivId)));
      found += expected.length;
    }
    expect(found).toBeGreaterThan(phrases.size);
  });

  it("need their words in order and next to each other, stop words between them counted", async () => {
    await add([
      paperInput("2604.91001", { title: "Quillwort gradient descent", abstract: "We study quillwort descent." }),
      paperInput("2604.91002", { title: "Descent of the quillwort gradient", abstract: "Gradient quillwort." }),
      paperInput("2604.91003", { title: "Quillwort in the gradient", abstract: "Nothing else." }),
    ]);
    const ids = async (q: string) => (await search(q, { sort: "newest" })).papers.map((hit) => hit.arxivId).sort();
    expect(await ids('"quillwort gradient"')).toEqual(["2604.91001", "2604.91002"]);
    expect(await ids('"gradient quillwort"')).toEqual(["2604.91002"]);
    expect(await ids('"quillwort in the gradient"')).toEqual(["2604.91003"]);
    expect(await ids('"quillwort gradient" -"gradient descent"')).toEqual(["2604.91002"]);
    expect(await ids('"quillwort gradient" OR "quillwort in"')).toEqual(["2604.91001", "2604.91002", "2604.91003"]);
  });

  it("are looked up by their word pairs, and their other words by lexemes", async () => {
    const [lookup] = await db.$queryRaw<PhraseLookup[]>(
      phraseLookupSql(requiredTerms('"learning rate" "state of the art" neural -survey')),
    );
    // "state of the art" has no two words side by side once stop words are dropped.
    expect(lookup).toEqual({ pairs: ["learn rate"], otherWords: "'neural' & 'state' & 'art'", exact: false });
  });

  it("are exactly the papers holding their pair when the query has nothing but two-word phrases and plain words", async () => {
    const lookup = async (q: string) => (await db.$queryRaw<PhraseLookup[]>(phraseLookupSql(requiredTerms(q))))[0]?.exact;
    expect(await lookup('"learning rate" neural "language models"')).toBe(true);
    expect(await lookup('"the learning rate"')).toBe(true);
    expect(await lookup('"large language models"')).toBe(false);
    expect(await lookup('"learning rate" -neural')).toBe(false);
    expect(await lookup('"learning rate" state-of-the-art')).toBe(false);
    expect(await lookup('"learning rate" "state of the art"')).toBe(false);
    expect(await lookup('"rate rate"')).toBe(false);
    expect(await lookup('"learning rate" gpt4o')).toBe(true);
  });

  it("are found through the exact word-pair index, the query itself tested only on the rows found", async () => {
    const [lookup] = await db.$queryRaw<PhraseLookup[]>(phraseLookupSql(requiredTerms('"large language models"')));
    const count = searchCountSql({ ...searchQuerySchema.parse({ q: '"large language models"' }).filters, phraseLookup: lookup });
    // The seed is too small for the planner to prefer an index by itself.
    const [, plan] = await db.$transaction([
      db.$executeRaw`SET LOCAL enable_seqscan = off`,
      db.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN ${count}`),
    ]);
    const text = plan.map((line) => line["QUERY PLAN"]).join("\n");
    expect(text).toContain("paper_word_pairs_idx");
    expect(text).toMatch(/Filter: \(?ts_match_vq/);
    // The inexact phrase lookup in the text index would make PostgreSQL recompute the pairs of every row.
    expect(text).not.toContain("paper_search_vector_idx");
  });

  it("need no lookup when an OR makes them optional, and still match", async () => {
    expect(requiredTerms('"learning rate" OR hebbian').phrases).toEqual([]);
    expect((await search('"learning rate" OR hebbian')).total.count).toBeGreaterThan((await search('"learning rate"')).total.count);
  });
});

describe("did you mean", () => {
  it("offers words of papers added since the database was made", async () => {
    expect((await search("florbinatoin", { literal: "1" })).didYouMean).toBeNull();
    await add([paperInput("2604.91010", { title: "Florbination of sparse experts", authors: ["Wenzeslaus Quimby"] })]);
    expect((await search("florbinatoin", { literal: "1" })).didYouMean).toBe("florbination");
    expect((await search("author:Quimby wenzeslau", { literal: "1" })).didYouMean).toBe("author:Quimby wenzeslaus");
  });

  it("offers the new words of a title a new version changed", async () => {
    await add([paperInput("2604.91011", { title: "A first title" })]);
    await add([paperInput("2604.91011", { version: 2, title: "Gloxinian attention revisited" })]);
    expect((await search("gloxinain", { literal: "1" })).didYouMean).toBe("gloxinian");
  });

  it("corrects two swapped letters in a short word, and offers nothing too many edits away", async () => {
    await add([paperInput("2604.91013", { title: "Zephyr routing for sparse experts" })]);
    expect((await search("zehpyr routing", { literal: "1" })).didYouMean).toBe("zephyr routing");
    expect((await search("zxhpyq", { literal: "1" })).didYouMean).toBeNull();
  });

  it("prefers the commoner of two words equally few edits away", async () => {
    await add([paperInput("2604.91014", { title: "A module for sparse experts" })]);
    // "modle" is one edit from both; the seed's titles say "model" far more often.
    expect((await search("modle", { literal: "1" })).didYouMean).toBe("model");
  });

  it("never offers a word no paper holds any more", async () => {
    await add([paperInput("2604.91012", { title: "Snarfblatt estimators" })]);
    expect((await search("snarfbladt", { literal: "1" })).didYouMean).toBe("snarfblatt");
    await db.paper.delete({ where: { arxivId: "2604.91012" } });
    expect((await search("snarfbladt", { literal: "1" })).didYouMean).toBeNull();
  });
});
