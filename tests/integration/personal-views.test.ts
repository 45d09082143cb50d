import { randomBytes } from "node:crypto";

import { describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { forYouQuerySchema } from "@/lib/for-you/for-you-query";
import { loadForYouView } from "@/lib/for-you/for-you-view";
import { libraryQuerySchema } from "@/lib/library/library-query";
import { loadLibraryView } from "@/lib/library/library-view";
import { ratePaper } from "@/lib/library/rate-paper";
import { savePapers } from "@/lib/library/save-papers";
import { addTags } from "@/lib/library/tag-papers";

// What /library and /for-you show as data: their render draws it, and so does a shell's script
// from the copy put into the shell (lib/readers/personal-shells.ts; tests/e2e/reader-copies.spec.ts).

const THEOREM_PROVING = ["2410.06209", "2405.14333", "2410.15748"];

async function newReader(): Promise<number> {
  const reader = await db.reader.create({ data: { email: `views-${randomBytes(6).toString("hex")}@example.org` }, select: { id: true } });
  return reader.id;
}

describe("the library as data", () => {
  it("is the reader's own: cards as safe HTML, tags and ratings", async () => {
    const readerId = await newReader();
    await savePapers(readerId, THEOREM_PROVING);
    await addTags(readerId, [THEOREM_PROVING[0]!], ["thesis"]);
    await ratePaper(readerId, THEOREM_PROVING[1]!, "more");
    const paper = await db.paper.findUniqueOrThrow({ where: { arxivId: THEOREM_PROVING[0]! }, select: { title: true } });

    const view = await loadLibraryView(readerId, libraryQuerySchema.parse({}));
    expect(view.total).toBe(3);
    expect(view.tags).toEqual([{ name: "thesis", count: 1 }]);
    expect(view.items.map((item) => item.card.arxivId).sort()).toEqual([...THEOREM_PROVING].sort());
    const tagged = view.items.find((item) => item.card.arxivId === THEOREM_PROVING[0])!;
    expect(tagged).toMatchObject({ title: paper.title, tags: ["thesis"], rating: null });
    expect(tagged.card.titleHtml).toContain(paper.title.split(":")[0]);
    expect(view.items.find((item) => item.card.arxivId === THEOREM_PROVING[1])!.rating).toBe("more");

    const inTag = await loadLibraryView(readerId, libraryQuerySchema.parse({ tag: "thesis" }));
    expect(inTag.items.map((item) => item.card.arxivId)).toEqual([THEOREM_PROVING[0]]);
    expect(await loadLibraryView(await newReader(), libraryQuerySchema.parse({}))).toMatchObject({ total: 0, items: [] });
  });
});

describe("For you as data", () => {
  it("gives a new reader trending papers to start from, each with their mark", async () => {
    const view = await loadForYouView(await newReader(), forYouQuerySchema.parse({}));
    if (view.status !== "cold_start") throw new Error(`expected a cold start, got ${view.status}`);
    expect(view).toMatchObject({ liked: 0, disliked: 0 });
    expect(view.trending.length).toBeGreaterThan(0);
    for (const card of view.trending) expect(card).toMatchObject({ mark: { saved: false, rating: null }, because: [], terms: [] });
  });

  it("ranks for a reader who liked papers, each card saying why with the liked papers' short titles typeset", async () => {
    const readerId = await newReader();
    await savePapers(readerId, THEOREM_PROVING);
    await ratePaper(readerId, THEOREM_PROVING[2]!, "less");
    const view = await loadForYouView(readerId, forYouQuerySchema.parse({ period: "all" }));
    if (view.status !== "ready") throw new Error(`expected a ranked list, got ${view.status}`);
    expect(view).toMatchObject({ liked: 2, disliked: 1, shownFrom: null });
    expect(view.cards.length).toBeGreaterThan(0);
    const reasons = view.cards.flatMap((card) => card.because);
    expect(reasons.length).toBeGreaterThan(0);
    for (const reason of reasons) {
      expect(THEOREM_PROVING.slice(0, 2)).toContain(reason.arxivId);
      expect(reason.saved).toBe(true);
      expect(reason.shortTitleHtml.length).toBeGreaterThan(0);
    }
    for (const card of view.cards) expect(THEOREM_PROVING).not.toContain(card.card.arxivId);
  });
});
