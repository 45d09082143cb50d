import { describe, expect, it } from "vitest";

import { summarizeAbstract } from "@/lib/digest/summarize-abstract";
import { latexToText } from "@/lib/ingest/normalize-text";

import seedPapers from "../../prisma/seed-papers.json";

const abstractOf = (arxivId: string) => latexToText(seedPapers.find((paper) => paper.arxivId === arxivId)!.abstract);

describe("a digest's teaser from a real abstract", () => {
  it("is the sentence that states the contribution when the abstract opens with background", () => {
    // LeanAgent opens with "Large Language Models (LLMs) have been successful in mathematical reasoning…".
    expect(summarizeAbstract(abstractOf("2410.06209"))).toBe(
      "We present LeanAgent, a novel lifelong learning framework for theorem proving that continuously generalizes to and improves on ever-expanding mathematical knowledge without forgetting previously learned knowledge.",
    );
    // DeepSeek-Prover opens with "Proof assistants like Lean have revolutionized…".
    expect(summarizeAbstract(abstractOf("2405.14333"))).toBe(
      "To address this issue, we introduce an approach to generate extensive Lean 4 proof data derived from high-school and undergraduate-level mathematical competition problems.",
    );
    expect(summarizeAbstract(abstractOf("2009.01325"))).toBe(
      "In this work, we show that it is possible to significantly improve summary quality by training a model to optimize for human preferences.",
    );
  });

  it("is the first sentence when that already says what the paper does, actively or passively", () => {
    expect(summarizeAbstract(abstractOf("2502.03387"))).toBe(
      "We present a fundamental discovery that challenges our understanding of how complex reasoning emerges in large language models.",
    );
    expect(summarizeAbstract(abstractOf("2107.13586"))).toMatch(/^This paper surveys and organizes research works in a new paradigm/);
    expect(summarizeAbstract(abstractOf("2402.02515"))).toMatch(
      /^An algorithm to estimate the evolution of learning curves.* is introduced\.$/,
    );
  });

  it("does not end a sentence at an abbreviation, and keeps a long one to about two lines", () => {
    expect(summarizeAbstract(abstractOf("1602.03686"))).toBe(
      "We propose a new way to represent heterogeneous medical concepts (e.g., diagnoses, medications and procedures) based on co-occurrence patterns in longitudinal electronic health records.",
    );
    const tulu = summarizeAbstract(abstractOf("2411.15124"));
    expect(tulu).toMatch(/^To bridge this gap, we introduce TÜLU 3, a family of fully-open/);
    expect(tulu.length).toBeLessThanOrEqual(221);
  });

  it("falls back to the opening when no sentence states a contribution", () => {
    const background =
      "Graph neural networks are widely used in chemistry. ".repeat(5) + "Their depth is limited by oversmoothing in practice.";
    expect(summarizeAbstract(background)).toBe("Graph neural networks are widely used in chemistry.");
  });
});
