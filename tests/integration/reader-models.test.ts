import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";

import { trackedFixtures, uniqueEmail } from "../support/digest-fixtures";
import { startScriptedSmtp } from "../support/digest-smtp";
import { untilWaitingOnLock } from "../support/lock-waits";

const sink = await startScriptedSmtp();
const { db } = await import("@/lib/db");
const { runDigest } = await import("@/lib/digest/run-digest");
const { recommendForReader } = await import("@/lib/for-you/recommend-for-reader");
const { ratePaper } = await import("@/lib/library/rate-paper");
const { removePapers, savePapers } = await import("@/lib/library/save-papers");
const { createMailer } = await import("@/lib/mail/create-mailer");
const { MODEL_TERMS } = await import("@/lib/recommend/reader-scorer");
const { retrainReaderModel } = await import("@/lib/recommend/stored-reader-model");
const { refreshSimilarPapers } = await import("@/lib/similarity/refresh-similar-papers");

const mailer = createMailer({ from: "PaperPulse <digest@paperpulse.test>", smtpUrl: sink.url, maxConnections: 2 });
const { papers, subscriber, paperIds, subscribers } = trackedFixtures(db);
const readerEmails: string[] = [];

afterAll(async () => {
  mailer.close();
  await db.subscriber.deleteMany({ where: { id: { in: subscribers.map((row) => row.id) } } });
  await db.reader.deleteMany({ where: { email: { in: [...readerEmails, ...subscribers.map((row) => row.email)] } } });
  await db.paper.deleteMany({ where: { id: { in: paperIds } } });
  await sink.close();
});

// LeanAgent, DeepSeek-Prover and Alchemy.
const THEOREM_PROVING = ["2410.06209", "2405.14333", "2410.15748"];
const ALL_TIME = { period: "all", limit: 20 } as const;

type Row = { version: number; papers: number; bias: number; bar: number | null; termIds: number[]; weights: number[] };

async function storedModel(readerId: number): Promise<Row | null> {
  const [row] = await db.$queryRaw<Row[]>`
    SELECT taste_version AS version, papers, bias, bar, term_ids AS "termIds", weights FROM reader_model WHERE reader_id = ${readerId}`;
  return row ?? null;
}

async function tasteVersion(readerId: number): Promise<number> {
  const [row] = await db.$queryRaw<{ version: number }[]>`SELECT taste_version AS version FROM reader WHERE id = ${readerId}`;
  return row!.version;
}

async function newReader(email = uniqueEmail("model")): Promise<number> {
  readerEmails.push(email);
  return (await db.reader.create({ data: { email }, select: { id: true } })).id;
}

const arxivIds = (result: { papers: { arxivId: string }[] }) => result.papers.map((paper) => paper.arxivId);

describe("a reader's stored model", () => {
  it("is trained when they save, retrained when they rate, and gone when they like nothing", async () => {
    const readerId = await newReader();
    expect(await storedModel(readerId)).toBeNull();
    await savePapers(readerId, THEOREM_PROVING);
    const saved = await storedModel(readerId);
    expect(saved).toMatchObject({ version: await tasteVersion(readerId), papers: 3 });
    expect(saved!.termIds.length).toBe(saved!.weights.length);
    expect(saved!.termIds.length).toBeLessThanOrEqual(MODEL_TERMS);

    const before = await recommendForReader(readerId, ALL_TIME);
    const [disliked] = before.papers;
    await ratePaper(readerId, disliked!.arxivId, "less");
    const rated = await storedModel(readerId);
    expect(rated).toMatchObject({ version: await tasteVersion(readerId), papers: 4 });
    expect(rated!.version).toBeGreaterThan(saved!.version);
    expect(rated!.weights).not.toEqual(saved!.weights);

    // Papers like the one rated "Not for me" (its stored similar papers) lose more than the others, at once.
    const after = await recommendForReader(readerId, ALL_TIME);
    expect(arxivIds(after)).not.toContain(disliked!.arxivId);
    const similarRows = await db.$queryRaw<{ id: number }[]>`SELECT similar_id AS id FROM similar_paper WHERE paper_id = ${disliked!.id}`;
    const similar = new Set(similarRows.map((row) => row.id));
    const drops = before.papers.slice(1).flatMap((paper) => {
      const now = after.papers.find((other) => other.id === paper.id);
      return now ? [{ similar: similar.has(paper.id), drop: paper.score - now.score }] : [];
    });
    const meanDrop = (list: { drop: number }[]) => list.reduce((sum, each) => sum + each.drop, 0) / list.length;
    const [alike, others] = [drops.filter((each) => each.similar), drops.filter((each) => !each.similar)];
    expect(alike.length).toBeGreaterThan(0);
    expect(meanDrop(alike)).toBeGreaterThan(meanDrop(others));

    await removePapers(readerId, THEOREM_PROVING);
    expect(await storedModel(readerId)).toBeNull();
    expect(await recommendForReader(readerId, ALL_TIME)).toMatchObject({ status: "cold_start", papers: [] });
  });

  it("is trained again when it is missing or stale, never read as it was", async () => {
    const readerId = await newReader();
    await savePapers(readerId, THEOREM_PROVING);
    const shown = arxivIds(await recommendForReader(readerId, ALL_TIME));

    await db.$executeRaw`DELETE FROM reader_model WHERE reader_id = ${readerId}`;
    expect(arxivIds(await recommendForReader(readerId, ALL_TIME))).toEqual(shown);
    expect(await storedModel(readerId)).toMatchObject({ version: await tasteVersion(readerId), papers: 3 });

    // A save written without the verb (an older instance, a retrain that failed) leaves the model behind.
    const [extra] = shown;
    await db.$executeRaw`INSERT INTO library_item (reader_id, paper_id) SELECT ${readerId}, id FROM paper WHERE arxiv_id = ${extra}`;
    const result = await recommendForReader(readerId, ALL_TIME);
    expect(result.liked).toContain(extra);
    expect(arxivIds(result)).not.toContain(extra);
    expect(await storedModel(readerId)).toMatchObject({ version: await tasteVersion(readerId), papers: 4 });
  });

  it("learns from a saved paper once it is indexed", async () => {
    const readerId = await newReader();
    const [fresh] = await papers({
      title: "Neural theorem proving for Lean with proof search",
      abstract: "A language model proposes tactics for Lean 4 and a best-first proof search over the proof assistant finds formal proofs.",
      createdAt: new Date(),
      categories: ["cs.LO"],
    });
    await savePapers(readerId, [...THEOREM_PROVING, fresh!.arxivId]);
    expect(await storedModel(readerId)).toMatchObject({ papers: 3 });
    await refreshSimilarPapers();
    await recommendForReader(readerId, ALL_TIME);
    expect(await storedModel(readerId)).toMatchObject({ version: await tasteVersion(readerId), papers: 4 });
  });

  it("keeps the model of the newest library when retrains race", async () => {
    const readerId = await newReader();
    await Promise.all(THEOREM_PROVING.map((arxivId) => savePapers(readerId, [arxivId])));
    const raced = await storedModel(readerId);
    expect(raced).toMatchObject({ version: await tasteVersion(readerId), papers: 3 });

    // A retrain that read the library before a newer model was stored must not replace it: another
    // instance holds the row, a retrain reads the library and waits on the row, then the other
    // instance saves a paper and stores that library's model.
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    const watcher = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await Promise.all([other.connect(), watcher.connect()]);
    try {
      await other.query("BEGIN");
      await other.query("SELECT 1 FROM reader_model WHERE reader_id = $1 FOR UPDATE", [readerId]);
      const late = retrainReaderModel(readerId);
      await untilWaitingOnLock(watcher, "INSERT INTO reader_model");
      await other.query("INSERT INTO library_item (reader_id, paper_id) SELECT $1, id FROM paper WHERE arxiv_id = '2403.15706'", [
        readerId,
      ]);
      await other.query(
        "UPDATE reader_model SET taste_version = (SELECT taste_version FROM reader WHERE id = $1), bias = 42 WHERE reader_id = $1",
        [readerId],
      );
      await other.query("COMMIT");
      await late;
    } finally {
      await Promise.all([other.end(), watcher.end()]);
    }
    expect(await storedModel(readerId)).toMatchObject({ version: await tasteVersion(readerId), bias: 42 });
  });
});

const HOUR = 3_600_000;
// Far from the seed papers' arrival and from other test files' runs, so only this file's papers are new.
const now = new Date("2031-06-10T09:00:00Z");
const [leanProver, formalMath] = await papers(
  {
    title: "Scaling formal theorem proving in Lean with synthetic proofs",
    abstract:
      "We introduce a method that trains large language models on synthetic Lean 4 proof data, improving automated theorem proving on formal mathematics benchmarks such as miniF2F with a proof assistant.",
    createdAt: new Date(now.getTime() - 3 * HOUR),
    categories: ["cs.LO", "cs.AI"],
  },
  {
    title: "Autoformalization of competition mathematics for proof assistants",
    abstract:
      "We present a pipeline that translates informal mathematical problems into formal Lean statements and proves them with a language model theorem prover, verified by the proof assistant.",
    createdAt: new Date(now.getTime() - 4 * HOUR),
    categories: ["cs.LO", "cs.AI"],
  },
);
await refreshSimilarPapers();

/** A subscriber without topics whose reader saved the three theorem provers (which trains and stores their model). */
async function libraryReader() {
  const row = await subscriber({ maxPapers: 5 });
  const readerId = await newReader(row.email);
  await savePapers(readerId, THEOREM_PROVING);
  return { ...row, readerId };
}
const asStored = await libraryReader();
const barRaised = await libraryReader();
const lost = await libraryReader();
// A stored bar no paper reaches: a digest that reads the stored model recommends nothing, one that trained would.
await db.$executeRaw`UPDATE reader_model SET bar = 1e9 WHERE reader_id = ${barRaised.readerId}`;
await db.$executeRaw`DELETE FROM reader_model WHERE reader_id = ${lost.readerId}`;
const summary = await runDigest({ now, sendOnRelease: mailer.sendOnRelease, retry: { attempts: 1, backoffMs: 1 } });
const sentTo = async (subscriberId: number) =>
  (await db.digestPaper.findMany({ where: { subscriberId, alsoTrending: false }, select: { paperId: true } }))
    .map((row) => row.paperId)
    .toSorted();

describe("the digest's recommendations", () => {
  it("come from the stored model as it is, without training it again", async () => {
    expect(summary).toMatchObject({ complete: true, failed: 0 });
    expect(await sentTo(asStored.id)).toEqual([leanProver!.id, formalMath!.id].toSorted());
    expect(await sentTo(barRaised.id)).toEqual([]);
    expect(await storedModel(barRaised.readerId)).toMatchObject({ bar: 1e9 });
  });

  it("train a lost model and store it, sending what a stored one would", async () => {
    expect(await sentTo(lost.id)).toEqual([leanProver!.id, formalMath!.id].toSorted());
    expect(await storedModel(lost.readerId)).toMatchObject({ version: await tasteVersion(lost.readerId), papers: 3 });
  });
});
