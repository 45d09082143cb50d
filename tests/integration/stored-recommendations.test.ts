import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";

import { trackedFixtures, uniqueEmail } from "../support/digest-fixtures";
import { untilWaitingOnLock } from "../support/lock-waits";

const { db } = await import("@/lib/db");
const { recommendForReader } = await import("@/lib/for-you/recommend-for-reader");
const { ratePaper } = await import("@/lib/library/rate-paper");
const { savePapers } = await import("@/lib/library/save-papers");
const { refreshSimilarPapers } = await import("@/lib/similarity/refresh-similar-papers");

const { papers, paperIds } = trackedFixtures(db);
const readerEmails: string[] = [];

afterAll(async () => {
  await db.reader.deleteMany({ where: { email: { in: readerEmails } } });
  await db.paper.deleteMany({ where: { id: { in: paperIds } } });
});

// LeanAgent, DeepSeek-Prover and Alchemy.
const THEOREM_PROVING = ["2410.06209", "2405.14333", "2410.15748"];
const ALL_TIME = { period: "all", limit: 20 } as const;

async function readerWhoSaved(arxivIds: string[]): Promise<number> {
  const email = uniqueEmail("stored-list");
  readerEmails.push(email);
  const { id } = await db.reader.create({ data: { email }, select: { id: true } });
  await savePapers(id, arxivIds);
  return id;
}

const arxivIds = (result: { papers: { arxivId: string }[] }) => result.papers.map((paper) => paper.arxivId);

/** Keeps only the stored list's first two papers, swapped: a view that reads the kept list shows exactly that. */
async function tamperWithStoredList(readerId: number): Promise<void> {
  const changed = await db.$executeRaw`
    UPDATE reader_recommendation SET papers = jsonb_build_array(papers->1, papers->0)
    WHERE reader_id = ${readerId} AND period = 'all' AND paper_limit = 20`;
  expect(changed).toBe(1);
}

describe("a reader's stored for-you list", () => {
  it("is read on the next view, with the cards as they are now", async () => {
    const readerId = await readerWhoSaved(THEOREM_PROVING);
    const first = await recommendForReader(readerId, ALL_TIME);
    expect(first.papers.length).toBeGreaterThan(2);
    await tamperWithStoredList(readerId);
    const [top, second] = first.papers;
    await db.$executeRaw`UPDATE paper SET title = title || ' (revised)' WHERE id = ${second!.id}`;
    try {
      const again = await recommendForReader(readerId, ALL_TIME);
      expect(arxivIds(again)).toEqual([second!.arxivId, top!.arxivId]);
      expect(again.papers[0]).toMatchObject({ score: second!.score, because: second!.because, terms: second!.terms });
      expect(again.papers[0]!.title).toBe(`${second!.title} (revised)`);
      // Read back from the stored list, a card is what ranking gave, field for field.
      expect(again.papers[1]).toEqual(top);
    } finally {
      await db.$executeRaw`UPDATE paper SET title = ${second!.title} WHERE id = ${second!.id}`;
    }
  });

  it("is ranked again at once after a save or a rating", async () => {
    const readerId = await readerWhoSaved(THEOREM_PROVING);
    const first = await recommendForReader(readerId, ALL_TIME);
    await tamperWithStoredList(readerId);
    await ratePaper(readerId, first.papers[0]!.arxivId, "less");
    const rated = await recommendForReader(readerId, ALL_TIME);
    expect(arxivIds(rated)).not.toContain(first.papers[0]!.arxivId);
    expect(rated.papers.length).toBeGreaterThan(2);

    await tamperWithStoredList(readerId);
    await savePapers(readerId, [rated.papers[0]!.arxivId]);
    const saved = await recommendForReader(readerId, ALL_TIME);
    expect(arxivIds(saved)).not.toContain(rated.papers[0]!.arxivId);
    expect(saved.papers.length).toBeGreaterThan(2);
  });

  it("is ranked again when papers are indexed, on a new day and when the model is gone", async () => {
    const readerId = await readerWhoSaved(THEOREM_PROVING);
    await recommendForReader(readerId, ALL_TIME);
    await tamperWithStoredList(readerId);
    const [fresh] = await papers({
      title: "Lean proof search with a language model prover over formal mathematics",
      abstract:
        "Theorem proving in Lean 4: a language model proposes tactics and a best-first search finds formal proofs of competition problems.",
      createdAt: new Date(),
      categories: ["cs.LO"],
    });
    await refreshSimilarPapers();
    expect(arxivIds(await recommendForReader(readerId, ALL_TIME))).toContain(fresh!.arxivId);

    await tamperWithStoredList(readerId);
    await db.$executeRaw`UPDATE reader_recommendation SET day = day - 1 WHERE reader_id = ${readerId}`;
    expect((await recommendForReader(readerId, ALL_TIME)).papers.length).toBeGreaterThan(2);

    await tamperWithStoredList(readerId);
    await db.$executeRaw`DELETE FROM reader_model WHERE reader_id = ${readerId}`;
    expect((await recommendForReader(readerId, ALL_TIME)).papers.length).toBeGreaterThan(2);
  });

  it("is not kept, and the view still answers, for a reader deleted while it was ranked", async () => {
    const readerId = await readerWhoSaved(THEOREM_PROVING);
    // The account is being deleted (not yet committed) while the reader's view ranks their list: the
    // list's insert must wait for the delete and then keep nothing, not fail on the reader's key.
    const deleting = new pg.Client({ connectionString: process.env.DATABASE_URL });
    const watcher = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await Promise.all([deleting.connect(), watcher.connect()]);
    try {
      await deleting.query("BEGIN");
      await deleting.query("DELETE FROM reader WHERE id = $1", [readerId]);
      const view = recommendForReader(readerId, ALL_TIME);
      await untilWaitingOnLock(watcher, "INSERT INTO reader_recommendation");
      await deleting.query("COMMIT");
      expect((await view).papers.length).toBeGreaterThan(2);
    } finally {
      await Promise.all([deleting.end(), watcher.end()]);
    }
    expect(await db.$queryRaw`SELECT 1 FROM reader_recommendation WHERE reader_id = ${readerId}`).toEqual([]);
  });
});
