import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { dailyPaperToPaper } from "@/lib/ingest/huggingface/daily-paper-to-paper";
import { dailyPaperSchema } from "@/lib/ingest/huggingface/daily-papers-schema";

const items = (name: string) =>
  JSON.parse(readFileSync(path.join(import.meta.dirname, "../fixtures/huggingface", name), "utf8")) as unknown[];

describe("Hugging Face daily papers", () => {
  it("turns an item into a paper with its upvotes and GitHub repository", () => {
    const [item] = items("daily-papers-2025-03-11.json");
    expect(dailyPaperToPaper(dailyPaperSchema.parse(item))).toEqual({
      ok: true,
      paper: expect.objectContaining({
        arxivId: "2503.07001",
        version: null,
        authors: ["José García-López", "Zoë Müller", "王小明", "Søren Kierkegaard-Østergaard"],
        publishedOn: "2025-03-10",
        categories: [],
        primaryCategory: null,
        externalUpvotes: 42,
        githubRepo: "https://github.com/example/sparse-kernels",
        githubStars: 1234,
        source: "huggingface",
      }),
    });
  });

  it("tidies titles and names, and keeps a paper without code", () => {
    const [, withoutCode, latex] = items("daily-papers-2025-03-11.json").map((item) => dailyPaperToPaper(dailyPaperSchema.parse(item)));
    expect(withoutCode).toMatchObject({
      ok: true,
      paper: {
        title: "VidRefiner: Test-Time Scaling for Video Generation",
        authors: ["Łukasz Wiśniewski", "Nguyễn Văn An", "Björk Guðmundsdóttir", "Ahmed Al-Farsi"],
        githubRepo: null,
        githubStars: null,
        externalUpvotes: 17,
      },
    });
    expect(withoutCode?.ok && withoutCode.paper.abstract).toContain("18 points.\n\nCode and models");
    expect(latex).toMatchObject({
      ok: true,
      paper: {
        title: "π₀-Lite: Vision-Language-Action Policies on a $200 Robot Arm",
        githubRepo: "https://github.com/example/pi0-lite",
        githubStars: 0,
      },
    });
  });

  it("rejects items of the wrong shape and drops repository links that are not web addresses", () => {
    const [good, stringUpvotes, noTitle, scriptLink] = items("daily-papers-malformed-items.json").map((item) =>
      dailyPaperSchema.safeParse(item),
    );
    expect(good?.success).toBe(true);
    expect(stringUpvotes?.success).toBe(false);
    expect(noTitle?.success).toBe(false);
    expect(scriptLink?.success && dailyPaperToPaper(scriptLink.data)).toMatchObject({
      ok: true,
      paper: { githubRepo: null, githubStars: null },
    });
  });

  it("reports an id that is not an arXiv id", () => {
    const [item] = items("daily-papers-2025-03-11.json");
    const parsed = dailyPaperSchema.parse(item);
    expect(dailyPaperToPaper({ ...parsed, paper: { ...parsed.paper, id: "not-an-id" } })).toMatchObject({ ok: false, id: "not-an-id" });
  });
});
