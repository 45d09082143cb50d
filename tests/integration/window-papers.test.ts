import { afterAll, describe, expect, it } from "vitest";

import { trackedFixtures } from "../support/digest-fixtures";

const { db } = await import("@/lib/db");
const { rankRecommendations } = await import("@/lib/recommend/recommend-for");
const { packModel } = await import("@/lib/recommend/reader-model");
const { createReaderScorer } = await import("@/lib/recommend/reader-scorer");
const { MAX_WINDOW_PAPERS, readWindowPapers } = await import("@/lib/recommend/window-papers");
const { readIndexVersion } = await import("@/lib/similarity/load-vectors");

const { papers, paperIds } = trackedFixtures(db);

afterAll(async () => {
  await db.paper.deleteMany({ where: { id: { in: paperIds } } });
});

// Term ids far above the vocabulary's, so only these tests' papers hold them.
const T = (n: number) => 2_000_000_000 + n;

/** A paper listed on `day` with this vector, written as the index writes (`counted`) or behind its back. */
async function paperWithVector(day: string, vector: { terms: number[]; weights: number[] }, counted = true) {
  const [paper] = await papers({ title: `Window paper ${day} ${vector.terms.join(" ")}`, createdAt: new Date(`${day}T12:00:00Z`) });
  const insert = db.$executeRaw`
    INSERT INTO paper_vector (paper_id, term_ids, weights) VALUES (${paper!.id}, ${vector.terms}::int[], ${vector.weights}::real[])`;
  // The index's trigger off for the one statement: the index's version stays as it was.
  if (counted) await insert;
  else await db.$transaction([db.$executeRaw`SET LOCAL session_replication_role = replica`, insert]);
  return { ...paper!, vector };
}

/** The paper's postings, as the index writes them for the papers it indexes: what the candidates are found by. */
async function posted<Paper extends { id: number; vector: { terms: number[]; weights: number[] } }>(paper: Paper, day: string) {
  await db.$executeRaw`
    INSERT INTO similarity_posting (paper_id, term_id, weight, listed_on)
    SELECT ${paper.id}, unnest(${paper.vector.terms}::int[]), unnest(${paper.vector.weights}::real[]), ${day}::date`;
  return paper;
}

type WindowPaper = Awaited<ReturnType<typeof paperWithVector>>;

/**
 * Ranks the window's 3 best for a reader who liked `liked`, by a model weighing `terms` 1.5, 0.5
 * and −1 with a bias of −0.25, and expects them as the reader's own scorer ranks `inWindow` (the
 * scores too), the best named as close to `liked`.
 */
async function expectRankedAsTheScorerRanks(
  window: { from: string; to: string },
  liked: WindowPaper,
  inWindow: WindowPaper[],
  terms: [number, number, number],
) {
  const [liking, likingLess, disliking] = terms;
  const model = {
    weights: new Map([
      [liking, 1.5],
      [likingLess, 0.5],
      [disliking, -1],
    ]),
    bias: -0.25,
  };
  const ranked = await rankRecommendations({
    model: packModel(model),
    liked: [liked],
    exclude: [liked.id],
    window,
    limit: 3,
    indexVersion: await readIndexVersion(),
  });
  const scores = createReaderScorer(model, [liked.vector]).score(inWindow.map((paper) => paper.vector));
  const expected = inWindow
    .map((paper, index) => ({ id: paper.id, score: scores[index]! }))
    .sort((a, b) => b.score - a.score)
    .slice(0, 3);
  expect(ranked.map((paper) => paper.id)).toEqual(expected.map((paper) => paper.id));
  ranked.forEach((paper, index) => expect(paper.score).toBeCloseTo(expected[index]!.score, 9));
  expect(ranked[0]!.because).toEqual([liked.arxivId]);
}

describe("a listing window's papers", () => {
  it("are every one scored as the reader's scorer scores them, best first, the reader's own papers and other days' left out", async () => {
    const window = { from: "1999-03-01", to: "1999-03-07" };
    const liked = await paperWithVector("1999-03-02", { terms: [T(1), T(2)], weights: [0.8, 0.6] });
    const inWindow = [
      await paperWithVector("1999-03-01", { terms: [T(1)], weights: [1] }),
      await paperWithVector("1999-03-03", { terms: [T(2), T(3)], weights: [0.6, 0.8] }),
      await paperWithVector("1999-03-07", { terms: [T(3)], weights: [1] }),
      await paperWithVector("1999-03-05", { terms: [T(1), T(3)], weights: [0.6, 0.8] }),
    ];
    await paperWithVector("1999-03-08", { terms: [T(1)], weights: [1] });
    await expectRankedAsTheScorerRanks(window, liked, inWindow, [T(1), T(2), T(3)]);
  });

  it("are not kept past MAX_WINDOW_PAPERS, and the window's readers are ranked from the index's candidates", async () => {
    const window = { from: "1999-06-01", to: "1999-06-07" };
    const paper = (day: string, terms: number[], weights: number[]) =>
      paperWithVector(day, { terms, weights }).then((written) => posted(written, day));
    const liked = await paper("1999-06-02", [T(6), T(7)], [0.8, 0.6]);
    const inWindow = [
      await paper("1999-06-03", [T(6)], [1]),
      await paper("1999-06-04", [T(7), T(8)], [0.6, 0.8]),
      await paper("1999-06-05", [T(6), T(8)], [0.6, 0.8]),
    ];
    // Enough other papers listed that week to pass the bound; they share no term with the reader's.
    const fillers = await db.$queryRaw<{ id: number }[]>`
      INSERT INTO paper (arxiv_id, title, abstract, authors, published_on, listed_on, primary_category, categories, source, created_at)
      SELECT '1999w.' || n, 'Filler ' || n, 'A paper of the week.', '{}', '1999-06-01', '1999-06-01', 'cs.LG', '{cs.LG}', 'submitted', '1999-06-01'
      FROM generate_series(1, ${MAX_WINDOW_PAPERS}) n
      RETURNING id`;
    paperIds.push(...fillers.map((row) => row.id));
    expect(await readWindowPapers(window, await readIndexVersion())).toBeNull();
    await expectRankedAsTheScorerRanks(window, liked, inWindow, [T(6), T(7), T(8)]);
  });

  it("are read once for an index version, and again once the index changes", async () => {
    const window = { from: "1999-04-01", to: "1999-04-07" };
    const first = await paperWithVector("1999-04-01", { terms: [T(4)], weights: [1] });
    const version = await readIndexVersion();
    expect((await readWindowPapers(window, version))!.ids).toEqual([first.id]);

    // Added behind the index's back: a view at the same version is served the window as it was kept.
    const unseen = await paperWithVector("1999-04-02", { terms: [T(4)], weights: [1] }, false);
    expect(await readIndexVersion()).toBe(version);
    expect((await readWindowPapers(window, version))!.ids).toEqual([first.id]);

    // A paper the index counts: views at the new version read the window again.
    const counted = await paperWithVector("1999-04-03", { terms: [T(4)], weights: [1] });
    const changed = await readIndexVersion();
    expect(changed).toBeGreaterThan(version);
    expect((await readWindowPapers(window, changed))!.ids).toEqual([first.id, unseen.id, counted.id]);
  });

  it("are not kept when read behind the version a view asked for, even from the primary", async () => {
    const window = { from: "1999-05-01", to: "1999-05-07" };
    const first = await paperWithVector("1999-05-01", { terms: [T(5)], weights: [1] });
    // A view that read a version no database has reached yet: what is read now may lack its papers.
    const ahead = (await readIndexVersion()) + 1n;
    expect((await readWindowPapers(window, ahead))!.ids).toEqual([first.id]);
    const unseen = await paperWithVector("1999-05-02", { terms: [T(5)], weights: [1] }, false);
    expect((await readWindowPapers(window, ahead))!.ids).toEqual([first.id, unseen.id]);
  });
});
