import { afterAll, describe, expect, it } from "vitest";

import { GET as paperRoute } from "@/app/api/papers/[...arxivId]/route";
import { db } from "@/lib/db";
import { upsertPapers } from "@/lib/ingest/upsert-papers";
import type { PaperInput } from "@/lib/ingest/paper-input";
import { setUpvote } from "@/lib/papers/upvote-paper";
import { getSimilarPapers } from "@/lib/similarity/get-similar-papers";
import { refreshSimilarPapers } from "@/lib/similarity/refresh-similar-papers";

import { paperInput } from "../support/paper-input";

const RLHF_PAPERS = ["2009.01325", "2306.01693", "2404.14367", "2405.19534", "2312.00886", "2407.14477", "2405.07863"];

async function similarIds(arxivId: string, limit = 5): Promise<string[]> {
  const paper = await db.paper.findUniqueOrThrow({ where: { arxivId }, select: { id: true } });
  return (await getSimilarPapers(paper.id, limit)).map((similar) => similar.arxivId);
}

function paper(arxivId: string, title: string, abstract: string): PaperInput {
  return paperInput(arxivId, {
    title,
    abstract,
    authors: ["Ada Example"],
    publishedOn: "2026-11-30",
    primaryCategory: "cs.CL",
    categories: ["cs.CL"],
    source: "arxiv",
  });
}

const added = ["2611.99001", "2611.99002"];

afterAll(async () => {
  await db.paper.deleteMany({ where: { arxivId: { in: added } } });
});

describe("similar papers", () => {
  it("were computed for the seed: TÜLU 3 finds post-training and preference papers, not visual analytics", async () => {
    const similar = await similarIds("2411.15124", 10);
    expect(similar).not.toContain("1801.06889");
    expect(similar.filter((id) => RLHF_PAPERS.includes(id)).length).toBeGreaterThanOrEqual(2);
    const summarize = await similarIds("2009.01325");
    expect(summarize.filter((id) => RLHF_PAPERS.includes(id)).length).toBeGreaterThanOrEqual(3);
  });

  it("say why: each shares at least two content terms, shown as they read", async () => {
    const summarize = await db.paper.findUniqueOrThrow({ where: { arxivId: "2009.01325" }, select: { id: true } });
    const similar = await getSimilarPapers(summarize.id);
    expect(similar.length).toBeGreaterThan(0);
    for (const paper of similar) {
      expect(paper.sharedTerms.length).toBeGreaterThanOrEqual(2);
      expect(paper.similarity).toBeGreaterThan(0);
    }
    expect(similar.flatMap((paper) => paper.sharedTerms)).toContain("human feedback");
  });

  it("are computed when a paper arrives, and the new paper joins its neighbours' lists", async () => {
    // Papers other test files wrote to the shared database may still wait in the queue.
    await refreshSimilarPapers();
    await upsertPapers([
      paper(
        added[0]!,
        "Reward models from human feedback for preference optimization of language models",
        "We study reinforcement learning from human feedback (RLHF). A reward model trained on human preference " +
          "comparisons guides policy optimization; direct preference optimization (DPO) skips the reward model. " +
          "Human feedback on summaries and preference data decide how well the reward model generalizes.",
      ),
    ]);
    expect(await db.$queryRaw<unknown[]>`SELECT 1 FROM similarity_queue`).toHaveLength(1);
    expect(await refreshSimilarPapers()).toEqual({ papers: 1 });
    const similar = await similarIds(added[0]!, 10);
    expect(similar.filter((id) => RLHF_PAPERS.includes(id)).length).toBeGreaterThanOrEqual(4);
    const listsHoldingIt = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM similar_paper s JOIN paper p ON p.id = s.similar_id WHERE p.arxiv_id = ${added[0]}`;
    expect(listsHoldingIt[0]!.n).toBeGreaterThanOrEqual(2);
  });

  it("never rest on one shared word", async () => {
    await upsertPapers([
      paper(
        added[1]!,
        "Zebra stripe counting in savanna drone footage",
        "Drone footage of savanna herds lets ecologists count zebra stripes and grazing feedback loops between herds and grass.",
      ),
    ]);
    await refreshSimilarPapers();
    expect(await similarIds(added[1]!, 10)).toEqual([]);
  });

  it("are recomputed when a paper's text changes, not when it is upvoted", async () => {
    const target = await db.paper.findUniqueOrThrow({ where: { arxivId: added[1] }, select: { id: true } });
    await setUpvote(added[1]!, { hash: "a".repeat(64), networkKey: "192.0.2.0/24" }, true);
    expect(await db.$queryRaw<unknown[]>`SELECT 1 FROM similarity_queue`).toHaveLength(0);
    await db.paper.update({
      where: { id: target.id },
      data: {
        title: "Formal theorem proving in Lean with language models",
        abstract: "Theorem proving in Lean: formal proofs of mathematical theorems found by language models with proof search.",
      },
    });
    expect(await refreshSimilarPapers()).toEqual({ papers: 1 });
    expect(await similarIds(added[1]!)).toEqual(expect.arrayContaining(["2405.14333"]));
  });

  it("come with the paper from the API", async () => {
    const response = await paperRoute(new Request("http://localhost/api/papers/2009.01325"), {
      params: Promise.resolve({ arxivId: ["2009.01325"] }),
    });
    const body = (await response.json()) as { similar: { arxivId: string; sharedTerms: string[] }[] };
    expect(response.status).toBe(200);
    expect(body.similar.length).toBeGreaterThan(0);
    expect(body.similar[0]!.sharedTerms.length).toBeGreaterThanOrEqual(2);
  });
});
