import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GET as getPaperRoute } from "@/app/api/papers/[...arxivId]/route";
import { GET as getPapersRoute } from "@/app/api/papers/route";
import { db } from "@/lib/db";
import type { PaperInput } from "@/lib/ingest/paper-input";
import { upsertPapers } from "@/lib/ingest/upsert-papers";
import { decodeCursor } from "@/lib/papers/feed-cursor";
import { countPeriodPapers } from "@/lib/papers/count-period-papers";
import { findAdjacentListings, findLatestListing } from "@/lib/papers/find-adjacent-listings";
import { periodWindow } from "@/lib/papers/feed-period";
import { loadFeedPage } from "@/lib/papers/load-feed-page";
import type { PaperCard } from "@/lib/papers/paper-card";

import { paperInput } from "../support/paper-input";

// Papers of our own in a month the seed does not touch (the seed ends in February 2025). DAY is a
// Tuesday, so it and the day before fall in one ISO week (2026-W25).
const DAY = "2026-06-16";
const DAY_BEFORE = "2026-06-15";
const ids = Array.from({ length: 25 }, (_, index) => `2606.${String(91000 + index)}`);

function paper(arxivId: string, publishedOn: string, externalUpvotes: number): PaperInput {
  return paperInput(arxivId, { title: `Feed test paper ${arxivId}`, publishedOn, externalUpvotes, source: "arxiv" });
}

async function getPapers(query: string) {
  const response = await getPapersRoute(new Request(`http://localhost/api/papers?${query}`), undefined);
  return { status: response.status, body: await response.json() };
}

async function getPaper(...segments: string[]) {
  const response = await getPaperRoute(new Request("http://localhost/api/papers/x"), {
    params: Promise.resolve({ arxivId: segments }),
  });
  return { status: response.status, body: await response.json() };
}

beforeAll(async () => {
  // 20 papers on DAY with 0..19 votes, and 5 on the day before with many votes.
  await upsertPapers([
    ...ids.slice(0, 20).map((id, index) => paper(id, DAY, index)),
    ...ids.slice(20).map((id, index) => paper(id, DAY_BEFORE, 100 + index)),
  ]);
});

afterAll(async () => {
  await db.paper.deleteMany({ where: { arxivId: { in: ids } } });
});

describe("GET /api/papers", () => {
  it("lists a day's papers by trending score, most votes first", async () => {
    const { status, body } = await getPapers(`period=day&date=${DAY}&limit=5`);
    expect(status).toBe(200);
    expect(body.papers.map((p: PaperCard) => p.upvotes)).toEqual([19, 18, 17, 16, 15]);
    expect(body.nextCursor).toEqual(expect.any(String));
  });

  it("weighs votes against age over a week: 104 votes a day earlier beat 19 votes today", async () => {
    const { body } = await getPapers(`period=week&date=${DAY}&limit=3`);
    expect(body.papers.map((p: PaperCard) => p.arxivId)).toEqual([ids[24], ids[23], ids[22]]);
  });

  it("pages through a period with cursors, every paper once, in order", async () => {
    const seen: PaperCard[] = [];
    let cursor = "";
    for (let page = 0; page < 10; page++) {
      const { body } = await getPapers(`period=week&date=${DAY}&limit=7${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...body.papers);
      if (!body.nextCursor) break;
      cursor = body.nextCursor;
    }
    expect(seen.map((p) => p.arxivId).sort()).toEqual([...ids].sort());
    const scores = seen.map((p) => p.trendingScore);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("ranks all time by votes and pages through it without repeats", async () => {
    const first = await getPapers("period=all&limit=3");
    expect(first.body.papers.map((p: PaperCard) => p.upvotes)).toEqual([104, 103, 102]);
    const second = await getPapers(`period=all&limit=3&cursor=${first.body.nextCursor}`);
    expect(second.body.papers.map((p: PaperCard) => p.upvotes)).toEqual([101, 100, 19]);
  });

  it("shows a paper with no date or authors with what it has", async () => {
    const { body } = await getPapers("period=day&date=2025-02-01&limit=100");
    const noAuthors = body.papers.find((p: PaperCard) => p.arxivId === "2502.10454");
    expect(noAuthors).toMatchObject({ authors: [], authorCount: 0, publishedOn: null, listedOn: "2025-02-01" });
  });

  it.each([
    ["period=yearly", "period must be one of day, week, month, all"],
    ["date=yesterday", "date must be a day (YYYY-MM-DD), a month (YYYY-MM) or an ISO week (YYYY-Www)"],
    ["date=2026-W54", "date must be a day (YYYY-MM-DD), a month (YYYY-MM) or an ISO week (YYYY-Www)"],
    ["date=2026-13", "date must be a day (YYYY-MM-DD), a month (YYYY-MM) or an ISO week (YYYY-Www)"],
    ["limit=100000", "limit must be at most 100"],
    ["cursor=%27%20OR%201%3D1--", "cursor is not one this API returned"],
  ])("answers %s with 400 and a message", async (query, message) => {
    const { status, body } = await getPapers(query);
    expect(status).toBe(400);
    expect(body.error.code).toBe("bad_request");
    expect(body.error.message).toContain(message);
  });

  it("takes a calendar month and an ISO week by name", async () => {
    const month = await getPapers("period=month&date=2026-06&limit=100");
    expect(month.body.date).toBe("2026-06-01");
    expect(month.body.papers).toHaveLength(25);
    const week = await getPapers("period=week&date=2026-W25&limit=100");
    expect(week.body.date).toBe(DAY_BEFORE);
    expect(week.body.papers).toHaveLength(25);
    expect((await getPapers("period=week&date=2026-W24&limit=100")).body.papers).toHaveLength(0);
  });

  it("steps to the listings around a period, skipping empty days, and never past today", async () => {
    expect(await findAdjacentListings(periodWindow("day", "2026-06-20")!, "2026-12-31")).toEqual({ before: DAY, after: null });
    expect(await findAdjacentListings(periodWindow("day", DAY_BEFORE)!, "2026-12-31")).toMatchObject({ after: DAY });
    expect(await findAdjacentListings(periodWindow("day", "2026-03-01")!, "2026-06-15")).toMatchObject({ after: DAY_BEFORE });
    expect(await findAdjacentListings(periodWindow("day", "2026-03-01")!, "2026-06-14")).toMatchObject({ after: null });
    expect(await findLatestListing("2026-12-31")).toBe(DAY);
  });

  it("opens on the latest day with papers when today has none, and counts a period's papers", async () => {
    const empty = await loadFeedPage({ period: "day", limit: 20 }, "2026-06-20");
    expect(empty).toMatchObject({ date: DAY, latestInstead: true, dated: true, total: null });
    expect(empty.papers).toHaveLength(20);
    const today = await loadFeedPage({ period: "day", limit: 20 }, DAY);
    expect(today).toMatchObject({ date: DAY, latestInstead: false, dated: false });
    const week = await loadFeedPage({ period: "week", limit: 20 }, "2026-06-20");
    expect(week).toMatchObject({ date: "2026-06-20", latestInstead: false });
    expect(week.papers).toHaveLength(20);

    expect(await countPeriodPapers(periodWindow("month", "2026-06-01"))).toEqual({ count: 25, exact: true });
    expect(await countPeriodPapers(periodWindow("day", "2026-06-20"))).toEqual({ count: 0, exact: true });
    const first = await loadFeedPage({ period: "week", date: DAY, limit: 20 }, DAY);
    expect(first.total).toBeNull();
    const second = await loadFeedPage({ period: "week", date: DAY, limit: 20, cursor: decodeCursor(first.nextCursor!)! }, DAY);
    expect(second.total).toEqual({ count: 25, exact: true });
    expect(second.papers).toHaveLength(5);
  });
});

describe("GET /api/papers/{arxivId}", () => {
  it("returns the whole paper with its arXiv and PDF links", async () => {
    const { status, body } = await getPaper("2403.15706");
    expect(status).toBe(200);
    expect(body.paper).toMatchObject({
      arxivId: "2403.15706",
      links: { abs: "https://arxiv.org/abs/2403.15706", pdf: "https://arxiv.org/pdf/2403.15706" },
    });
    expect(body.paper.abstract.length).toBeGreaterThan(500);
  });

  it("carries readable plain text where the stored abstract holds TeX", async () => {
    const stored = await db.paper.findUniqueOrThrow({ where: { arxivId: "2411.15124" }, select: { abstract: true } });
    expect(stored.abstract).toContain('T\\"ULU');
    const { body } = await getPaper("2411.15124");
    expect(body.paper.abstract).toContain("TÜLU 3");
    expect(body.paper.abstract).not.toContain("\\");
    const list = await getPapers("period=month&date=2024-11&limit=100");
    expect(list.body.papers.find((paper: PaperCard) => paper.arxivId === "2411.15124").title).toBe(
      "TÜLU 3: Pushing Frontiers in Open Language Model Post-Training",
    );
  });

  it("accepts a versioned id for the paper it names", async () => {
    const { status, body } = await getPaper("2403.15706v3");
    expect(status).toBe(200);
    expect(body.paper.arxivId).toBe("2403.15706");
  });

  it("answers 404 for an id we do not have and 400 for something that is not an id", async () => {
    expect((await getPaper("2403.99999")).status).toBe(404);
    const junk = await getPaper("%3Cscript%3E");
    expect(junk.status).toBe(400);
    expect(junk.body.error.message).toContain("not an arXiv id");
    expect((await getPaper("%E0%A4%A")).status).toBe(400);
  });
});
