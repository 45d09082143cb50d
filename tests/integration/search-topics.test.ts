import { describe, expect, it } from "vitest";

import { createTopicMatcher } from "@/lib/digest/topic-matcher";
import { db } from "@/lib/db";
import { TOPIC_MIN_COVERAGE } from "@/lib/search/partial-match-sql";
import { previewTopicPapers } from "@/lib/subscribers/preview-topic-papers";

const LONG_TOPIC = "LLM math reasoning reinforcement learning reward";

async function arxivIds(ids: number[]): Promise<Map<number, string>> {
  const rows = await db.paper.findMany({ where: { id: { in: ids } }, select: { id: true, arxivId: true } });
  return new Map(rows.map((row) => [row.id, row.arxivId]));
}

describe("digest topics behave like the search box, partial matches only above a clear threshold", () => {
  it("matches a topic through the field vocabulary", async () => {
    const { papers } = await previewTopicPapers({ topics: ["LLM agents"], categories: [], authors: [] }, 50);
    expect(papers.find((paper) => paper.arxivId === "2408.06292")?.matched).toEqual(["LLM agents"]);
  });

  it("picks papers holding most of a long topic's terms, saying which words they hold", async () => {
    const { papers } = await previewTopicPapers({ topics: [LONG_TOPIC], categories: [], authors: [] }, 50);
    const ids = papers.map((paper) => paper.arxivId);
    expect(ids).toEqual(expect.arrayContaining(["2502.06781", "2406.14532"]));
    const partial = papers.filter((paper) => paper.matched[0] !== LONG_TOPIC);
    expect(partial.length).toBeGreaterThan(0);
    for (const paper of partial) expect(paper.matched[0]).toMatch(new RegExp(`\\(of “${LONG_TOPIC}”\\)$`));
  });

  it("keeps a short topic strict", async () => {
    expect((await previewTopicPapers({ topics: ["reasoning quixotically"], categories: [], authors: [] }, 50)).papers).toEqual([]);
  });

  it("never picks a partial match below the threshold in a digest run, and says why it picked the others", async () => {
    const cutoff = new Date(Date.now() + 60_000);
    const matcher = createTopicMatcher(cutoff);
    const topic = { kind: "keyword" as const, value: LONG_TOPIC };
    const hits = (await matcher.hits([{ topic, since: new Date(0) }])).get(`keyword:${LONG_TOPIC}`)!;
    const names = await arxivIds(hits.map((hit) => hit.paperId));
    expect([...names.values()]).toEqual(expect.arrayContaining(["2502.06781", "2406.14532"]));
    // Five terms (LLM, math, reasoning, reinforcement learning, reward): a partial match lacks one at most.
    const partial = hits.filter((hit) => hit.missing?.length);
    expect(partial.length).toBeGreaterThan(0);
    for (const hit of partial) {
      expect(hit.missing!.length).toBeLessThanOrEqual(Math.floor(5 * (1 - TOPIC_MIN_COVERAGE)));
      expect(matcher.whyPicked(topic, hit.paperId)).toMatch(/\(of “/);
    }
    const full = hits.find((hit) => !hit.missing?.length);
    if (full) expect(matcher.whyPicked(topic, full.paperId)).toBe(LONG_TOPIC);
  });
});
