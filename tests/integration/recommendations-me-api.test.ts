import { randomBytes } from "node:crypto";

import { describe, expect, it } from "vitest";

import { GET as meRoute } from "@/app/api/recommendations/me/route";
import { db } from "@/lib/db";
import { ratePaper } from "@/lib/library/rate-paper";
import { savePapers } from "@/lib/library/save-papers";
import { findLatestListing } from "@/lib/papers/find-adjacent-listings";
import { periodWindow, todayUtc } from "@/lib/papers/feed-period";
import { createApiToken } from "@/lib/readers/api-tokens";
import { createSession } from "@/lib/readers/sessions";

type Body = {
  query: { period: string; limit: number };
  status: "ready" | "cold_start";
  message: string | null;
  liked: string[];
  disliked: string[];
  window: { from: string; to: string } | null;
  latestInstead: boolean;
  papers: { arxivId: string; title: string; listedOn: string; because: string[]; terms: string[]; score: number }[];
  error?: { code: string; message: string; fields?: Record<string, string[]> };
};

const THEOREM_PROVING = ["2410.06209", "2405.14333", "2410.15748"];
/** The seed's other papers on mathematics and its proofs, which a theorem-proving reader should see first. */
const FORMAL_MATH = /theorem|proof|prov|math|lean|formal/i;

async function newReader() {
  const reader = await db.reader.create({ data: { email: `me-${randomBytes(6).toString("hex")}@example.org` }, select: { id: true } });
  return { id: reader.id, cookie: `pp_session=${await createSession(reader.id)}` };
}

async function recommendMe(headers: Record<string, string>, params: Record<string, string> = {}) {
  const url = new URL("http://localhost/api/recommendations/me");
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  const response = await meRoute(new Request(url, { headers }), undefined);
  return { status: response.status, cacheControl: response.headers.get("cache-control"), body: (await response.json()) as Body };
}

describe("GET /api/recommendations/me", () => {
  it("asks for a session or a token", async () => {
    const { status, body } = await recommendMe({});
    expect(status).toBe(401);
    expect(body.error?.code).toBe("unauthorized");
    expect((await recommendMe({ authorization: "Bearer pp_not.a-token" })).status).toBe(401);
  });

  it("tells a reader with nothing liked how to start, with no papers", async () => {
    const reader = await newReader();
    const empty = await recommendMe({ cookie: reader.cookie });
    expect(empty.status).toBe(200);
    expect(empty.cacheControl).toBe("private, no-store");
    expect(empty.body).toMatchObject({ status: "cold_start", liked: [], disliked: [], papers: [], query: { period: "week", limit: 20 } });
    expect(empty.body.message).toMatch(/save a few papers/);
    // A dislike alone teaches nothing to look for.
    await ratePaper(reader.id, "2410.15748", "less");
    const onlyDisliked = await recommendMe({ cookie: reader.cookie });
    expect(onlyDisliked.body).toMatchObject({ status: "cold_start", disliked: ["2410.15748"], papers: [] });
  });

  it("ranks theorem proving and formal mathematics first for a reader who saved three theorem provers", async () => {
    const reader = await newReader();
    await savePapers(reader.id, THEOREM_PROVING);
    const { status, body } = await recommendMe({ cookie: reader.cookie }, { period: "all", limit: "10" });
    expect(status).toBe(200);
    expect(body.status).toBe("ready");
    expect(body.message).toBeNull();
    expect([...body.liked].sort()).toEqual([...THEOREM_PROVING].sort());
    const top = body.papers.slice(0, 3);
    expect(
      top.every((paper) => FORMAL_MATH.test(paper.title)),
      top.map((paper) => paper.title).join(" | "),
    ).toBe(true);
    for (const paper of body.papers) {
      expect(THEOREM_PROVING).not.toContain(paper.arxivId);
      expect(paper.terms.length).toBeGreaterThan(0);
      expect(THEOREM_PROVING).toEqual(expect.arrayContaining(paper.because));
    }
    expect(body.papers[0]!.because.length).toBeGreaterThan(0);
  });

  it("moves papers like a “Not for me” down at once, and takes a personal token", async () => {
    const reader = await newReader();
    await savePapers(reader.id, THEOREM_PROVING);
    const token = await createApiToken(reader.id, "recommendations test");
    const auth = { authorization: `Bearer ${token}` };
    const before = (await recommendMe(auth, { period: "all", limit: "50" })).body.papers;
    const [disliked, ...rest] = before;
    await ratePaper(reader.id, disliked!.arxivId, "less");
    const after = (await recommendMe(auth, { period: "all", limit: "50" })).body;
    expect(after.disliked).toEqual([disliked!.arxivId]);
    expect(after.papers.map((paper) => paper.arxivId)).not.toContain(disliked!.arxivId);
    // The paper that loses most (the one sharing most with the disliked one) loses clearly more
    // than the typical paper, and does not move up (how far it falls depends on its neighbours' gaps).
    const rankOf = (papers: Body["papers"], arxivId: string) => papers.findIndex((paper) => paper.arxivId === arxivId);
    const drops = rest
      .filter((paper) => rankOf(after.papers, paper.arxivId) >= 0)
      .map((paper) => ({ paper, drop: paper.score - after.papers[rankOf(after.papers, paper.arxivId)]!.score }))
      .sort((a, b) => b.drop - a.drop);
    const { paper: hit, drop } = drops[0]!;
    expect(drop - drops[Math.floor(drops.length / 2)]!.drop).toBeGreaterThan(0.02);
    expect(rankOf(after.papers, hit.arxivId), hit.title).toBeGreaterThanOrEqual(rankOf(rest, hit.arxivId));
  });

  it("ranks the latest week with papers while this week has none yet, and says so", async () => {
    const reader = await newReader();
    await savePapers(reader.id, THEOREM_PROVING);
    // The seed ends long before today: this week has no listing yet.
    const latest = (await findLatestListing(todayUtc()))!;
    const week = await recommendMe({ cookie: reader.cookie });
    expect(week.body).toMatchObject({ status: "ready", latestInstead: true, window: periodWindow("week", latest) });
    // Whether a paper of that week is close enough to rank depends on the other tests' papers too.
    for (const paper of week.body.papers) expect(paper.listedOn >= week.body.window!.from, paper.listedOn).toBe(true);
    const all = await recommendMe({ cookie: reader.cookie }, { period: "all" });
    expect(all.body).toMatchObject({ latestInstead: false, window: null });
  });

  it.each([
    [{ period: "year" }, "period"],
    [{ limit: "0" }, "limit"],
    [{ limit: "51" }, "limit"],
    [{ limit: "many" }, "limit"],
  ])("refuses %j with a 400 naming %s", async (params, field) => {
    const reader = await newReader();
    const { status, body } = await recommendMe({ cookie: reader.cookie }, params);
    expect(status).toBe(400);
    expect(Object.keys(body.error?.fields ?? {})).toEqual([field]);
  });
});
