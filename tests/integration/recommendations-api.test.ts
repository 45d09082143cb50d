import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { GET as recommendationsRoute } from "@/app/api/recommendations/route";

type Body = {
  liked: string[];
  disliked: string[];
  unknown: string[];
  papers: { arxivId: string; title: string; authors: string[]; because: string[]; terms: string[]; score: number }[];
  error?: { code: string; message: string; fields?: Record<string, string[]> };
};

async function recommend(params: Record<string, string>): Promise<{ status: number; body: Body }> {
  const url = new URL("http://localhost/api/recommendations");
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  const response = await recommendationsRoute(new Request(url), undefined);
  return { status: response.status, body: (await response.json()) as Body };
}

const THEOREM_PROVING = ["2410.06209", "2405.14333", "2410.15748"];
const RLHF = ["2009.01325", "2306.01693", "2404.14367", "2405.19534", "2312.00886", "2407.14477", "2405.07863", "2411.15124"];

describe("GET /api/recommendations", () => {
  it("recommends papers like the liked ones, each with the liked papers it is closest to and the terms that weighed", async () => {
    const { status, body } = await recommend({ liked: "2009.01325,2312.00886,2405.07863", limit: "10" });
    expect(status).toBe(200);
    expect(body.liked).toEqual(["2009.01325", "2312.00886", "2405.07863"]);
    expect(body.papers).toHaveLength(10);
    // Other test files add papers to the shared database, so count the seed's five other RLHF papers in the top ten.
    const ids = body.papers.map((paper) => paper.arxivId);
    expect(ids.filter((id) => RLHF.includes(id)).length, ids.join(" ")).toBeGreaterThanOrEqual(3);
    for (const paper of body.papers) {
      expect(["2009.01325", "2312.00886", "2405.07863"]).not.toContain(paper.arxivId);
      expect(paper.because.length).toBeGreaterThan(0);
      expect(body.liked).toEqual(expect.arrayContaining(paper.because));
      expect(paper.terms.length).toBeGreaterThan(0);
      expect(paper.title).toBeTruthy();
    }
  });

  it("finds theorem provers for a reader of one, and a dislike moves similar papers down", async () => {
    const { body } = await recommend({ liked: "2405.14333", limit: "3" });
    expect(body.papers.map((paper) => paper.arxivId)).toEqual(expect.arrayContaining(THEOREM_PROVING.filter((id) => id !== "2405.14333")));
    const disliking = await recommend({ liked: "2405.14333", disliked: "2410.15748", limit: "10" });
    expect(disliking.body.disliked).toEqual(["2410.15748"]);
    expect(disliking.body.papers.map((paper) => paper.arxivId)).not.toContain("2410.15748");
    // LeanAgent shares Alchemy's theorem-proving vocabulary, so disliking Alchemy lowers LeanAgent's score.
    const leanAgentScore = async (extra: Record<string, string>) =>
      (await recommend({ liked: "2405.14333", limit: "50", ...extra })).body.papers.find((paper) => paper.arxivId === "2410.06209")!.score;
    expect(await leanAgentScore({ disliked: "2410.15748" })).toBeLessThan(await leanAgentScore({}));
  });

  it("lists unknown ids and ignores them; with no known liked paper it is a 400", async () => {
    const { status, body } = await recommend({ liked: "2405.14333,2999.99999", disliked: "0000.00001", limit: "2" });
    expect(status).toBe(200);
    expect(body.unknown).toEqual(["2999.99999", "0000.00001"]);
    const none = await recommend({ liked: "2999.99999" });
    expect(none.status).toBe(400);
    expect(none.body.error?.message).toMatch(/liked/);
  });

  it("accepts versioned ids and limits the window by period", async () => {
    const { body } = await recommend({ liked: "2405.14333v2", limit: "5" });
    expect(body.liked).toEqual(["2405.14333"]);
    const today = await recommend({ liked: "2405.14333", period: "day" });
    expect(today.status).toBe(200);
    // The seed's papers are all older than a day.
    expect(today.body.papers.filter((paper) => !paper.arxivId.startsWith("26"))).toEqual([]);
  });

  it.each([
    [{}, "liked"],
    [{ liked: "" }, "liked"],
    [{ liked: "2405.14333", limit: "0" }, "limit"],
    [{ liked: "2405.14333", limit: "51" }, "limit"],
    [{ liked: "2405.14333", limit: "many" }, "limit"],
    [{ liked: "2405.14333", period: "year" }, "period"],
    [{ liked: "<script>alert(1)</script>" }, "liked"],
    [{ liked: Array.from({ length: 501 }, (_, index) => `2401.${String(index).padStart(5, "0")}`).join(",") }, "liked"],
  ])("refuses bad input %j with a 400 naming %s", async (params, field) => {
    const { status, body } = await recommend(params as Record<string, string>);
    expect(status).toBe(400);
    expect(body.error?.code).toBe("bad_request");
    expect(Object.keys(body.error?.fields ?? {})).toContain(field);
  });

  it("answers any input with a 200 or a 400, never a 500", async () => {
    const idLike = fc.oneof(fc.constantFrom("2405.14333", "2009.01325v1", "hep-th/9901001", "9999.99999"), fc.string({ maxLength: 30 }));
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          liked: fc.array(idLike, { maxLength: 4 }),
          disliked: fc.array(idLike, { maxLength: 3 }),
          limit: fc.string({ maxLength: 4 }),
          period: fc.string({ maxLength: 6 }),
        }),
        async ({ liked, disliked, limit, period }) => {
          const { status } = await recommend({ liked: liked.join(","), disliked: disliked.join(","), limit, period });
          expect([200, 400]).toContain(status);
        },
      ),
      { numRuns: 40 },
    );
  });
});
