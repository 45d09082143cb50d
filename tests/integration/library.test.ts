import { randomBytes } from "node:crypto";

import { describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { libraryQuerySchema, splitTags } from "@/lib/library/library-query";
import { getLibrarySummary } from "@/lib/library/library-summary";
import { listLibrary } from "@/lib/library/list-library";
import { ratePaper } from "@/lib/library/rate-paper";
import { getReaderTaste } from "@/lib/library/reader-taste";
import { removePapers, savePapers } from "@/lib/library/save-papers";
import { addTags, removeTags, setPaperTags } from "@/lib/library/tag-papers";

async function newReader() {
  return db.reader.create({ data: { email: `lib-${randomBytes(6).toString("hex")}@example.org` }, select: { id: true } });
}

async function somePapers(count: number) {
  return db.paper.findMany({ select: { id: true, arxivId: true, title: true, listedOn: true }, orderBy: { id: "asc" }, take: count });
}

async function allPages(readerId: number, query: Record<string, unknown>) {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 50; page++) {
    const result = await listLibrary(readerId, libraryQuerySchema.parse({ ...query, cursor, limit: 4 }));
    seen.push(...result.items.map((item) => item.paper.arxivId));
    if (!result.nextCursor) return seen;
    cursor = result.nextCursor;
  }
  throw new Error("pagination did not end");
}

describe("saving papers", () => {
  it("saves each paper once however often it is saved, and tells unknown ids apart", async () => {
    const { id } = await newReader();
    const [a, b] = await somePapers(2);
    expect(await savePapers(id, [a!.arxivId, a!.arxivId, "2401.99999"])).toEqual({
      saved: [a!.arxivId],
      alreadySaved: [],
      unknown: ["2401.99999"],
    });
    const again = await Promise.all([savePapers(id, [a!.arxivId, b!.arxivId]), savePapers(id, [b!.arxivId])]);
    expect(again.flatMap((outcome) => outcome.saved)).toEqual([b!.arxivId]);
    expect(await db.libraryItem.count({ where: { readerId: id } })).toBe(2);
    expect(await removePapers(id, [a!.arxivId])).toBe(1);
    expect(await db.libraryItem.count({ where: { readerId: id } })).toBe(1);
  });
});

describe("listing a library", () => {
  it("pages through every sort without skipping or repeating a paper", async () => {
    const { id } = await newReader();
    const papers = await somePapers(23);
    for (const paper of papers) await savePapers(id, [paper.arxivId]);
    const bySaved = await allPages(id, {});
    expect(bySaved).toEqual(papers.map((paper) => paper.arxivId).reverse());
    const byTitle = await allPages(id, { sort: "title" });
    expect(new Set(byTitle).size).toBe(23);
    // The database's collation decides the order; one unpaged query must agree with the pages.
    const ordered = await db.$queryRaw<{ arxivId: string }[]>`
      SELECT p.arxiv_id AS "arxivId" FROM library_item li JOIN paper p ON p.id = li.paper_id
      WHERE li.reader_id = ${id} ORDER BY lower(p.title), p.id`;
    expect(byTitle).toEqual(ordered.map((row) => row.arxivId));
    const byPublished = await allPages(id, { sort: "published" });
    expect(new Set(byPublished).size).toBe(23);
    const dates = byPublished.map((arxivId) => papers.find((paper) => paper.arxivId === arxivId)!.listedOn.getTime());
    expect(dates).toEqual([...dates].sort((x, y) => y - x));
  });

  it("keeps the title and date sorts current when arXiv changes a saved paper", async () => {
    const { id } = await newReader();
    const [paper] = await db.paper.findMany({
      select: { id: true, arxivId: true, title: true, listedOn: true },
      orderBy: { id: "desc" },
      take: 1,
    });
    await savePapers(id, [paper!.arxivId]);
    expect(await db.libraryItem.findFirstOrThrow({ where: { readerId: id }, select: { titleKey: true } })).toEqual({
      titleKey: paper!.title.toLowerCase(),
    });
    await db.paper.update({ where: { id: paper!.id }, data: { title: `Zzz ${paper!.title}`, listedOn: new Date("2001-02-03") } });
    expect(await db.libraryItem.findFirstOrThrow({ where: { readerId: id }, select: { titleKey: true, listedOn: true } })).toEqual({
      titleKey: `zzz ${paper!.title.toLowerCase()}`,
      listedOn: new Date("2001-02-03"),
    });
    await db.paper.update({ where: { id: paper!.id }, data: { title: paper!.title, listedOn: paper!.listedOn } });
  });

  it("filters by tag and by search, and refuses a forged cursor with a 400", async () => {
    const { id } = await newReader();
    const papers = await somePapers(6);
    await savePapers(
      id,
      papers.map((paper) => paper.arxivId),
    );
    await addTags(
      id,
      papers.slice(0, 2).map((paper) => paper.arxivId),
      ["Thesis"],
    );
    const tagged = await listLibrary(id, libraryQuerySchema.parse({ tag: "thesis" }));
    expect(tagged.items.map((item) => item.paper.arxivId).sort()).toEqual(
      papers
        .slice(0, 2)
        .map((paper) => paper.arxivId)
        .sort(),
    );
    expect(tagged.items[0]!.tags).toEqual(["Thesis"]);
    await ratePaper(id, papers[1]!.arxivId, "more");
    const rated = (await listLibrary(id, libraryQuerySchema.parse({}))).items;
    expect(rated.map((item) => item.rating)).toEqual(papers.map((paper) => (paper.id === papers[1]!.id ? "more" : null)).reverse());
    const word = papers[3]!.title.split(/\s+/).find((w) => /^[A-Za-z]{7,}$/.test(w))!;
    const found = await listLibrary(id, libraryQuerySchema.parse({ q: word }));
    expect(found.items.map((item) => item.paper.arxivId)).toContain(papers[3]!.arxivId);
    await expect(listLibrary(id, libraryQuerySchema.parse({ cursor: "bm90LWEtY3Vyc29y" }))).rejects.toMatchObject({ status: 400 });
    expect(libraryQuerySchema.safeParse({ sort: "random" }).success).toBe(false);
    expect(libraryQuerySchema.safeParse({ limit: "1000" }).success).toBe(false);
  });

  it("never shows one reader's papers or tags to another", async () => {
    const [one, two] = [await newReader(), await newReader()];
    const [paper] = await somePapers(1);
    await savePapers(one.id, [paper!.arxivId]);
    await addTags(one.id, [paper!.arxivId], ["secret"]);
    expect((await listLibrary(two.id, libraryQuerySchema.parse({}))).items).toEqual([]);
    expect(await getLibrarySummary(two.id)).toEqual({ total: 0, tags: [] });
  });
});

describe("tags", () => {
  it("are created as typed, matched ignoring case, counted, and dropped when no paper carries them", async () => {
    const { id } = await newReader();
    const [a, b, c] = await somePapers(3);
    await savePapers(id, [a!.arxivId, b!.arxivId, c!.arxivId]);
    expect(await setPaperTags(id, a!.arxivId, splitTags("ML, to read, ml"))).toBe(true);
    await addTags(id, [b!.arxivId, c!.arxivId], ["TO READ"]);
    expect((await getLibrarySummary(id)).tags).toEqual([
      { name: "ML", count: 1 },
      { name: "to read", count: 3 },
    ]);
    await removeTags(id, [a!.arxivId, b!.arxivId], ["to read"]);
    await setPaperTags(id, a!.arxivId, []);
    expect((await getLibrarySummary(id)).tags).toEqual([{ name: "to read", count: 1 }]);
    await removePapers(id, [c!.arxivId]);
    expect(await getLibrarySummary(id)).toEqual({ total: 2, tags: [] });
    expect(await setPaperTags(id, c!.arxivId, ["x"])).toBe(false);
  });

  it("refuses more than 20 tags at once", async () => {
    const { id } = await newReader();
    const [a] = await somePapers(1);
    await savePapers(id, [a!.arxivId]);
    const many = Array.from({ length: 21 }, (_, index) => `t${index}`);
    await expect(setPaperTags(id, a!.arxivId, many)).rejects.toMatchObject({ status: 400 });
  });
});

describe("ratings", () => {
  it("hold one state per reader and paper, and can be taken back", async () => {
    const { id } = await newReader();
    const [paper] = await somePapers(1);
    await Promise.all([ratePaper(id, paper!.arxivId, "more"), ratePaper(id, paper!.arxivId, "more")]);
    await ratePaper(id, paper!.arxivId, "less");
    expect(await db.paperRating.findMany({ where: { readerId: id }, select: { rating: true } })).toEqual([{ rating: "less" }]);
    await ratePaper(id, paper!.arxivId, null);
    expect(await db.paperRating.count({ where: { readerId: id } })).toBe(0);
    expect(await ratePaper(id, "2401.99999", "more")).toBe(false);
  });
});

describe("what a recommender learns", () => {
  it("likes saved and 'more like this' papers and dislikes 'not for me', which wins over a save", async () => {
    const { id } = await newReader();
    const [saved, more, less, savedThenLess] = await somePapers(4);
    await savePapers(id, [saved!.arxivId, savedThenLess!.arxivId]);
    await ratePaper(id, more!.arxivId, "more");
    await ratePaper(id, less!.arxivId, "less");
    await ratePaper(id, savedThenLess!.arxivId, "less");
    const taste = await getReaderTaste(id);
    expect(taste.liked.sort()).toEqual([saved!.id, more!.id].sort());
    expect(taste.disliked.sort()).toEqual([less!.id, savedThenLess!.id].sort());
  });
});
