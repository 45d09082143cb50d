import { describe, expect, it } from "vitest";

import { preferencesSchema } from "@/lib/subscribers/subscription-input";
import { topicProblem } from "@/lib/subscribers/topic-problem";

describe("digest topics that could never pick a paper", () => {
  it.each([
    ['"unclosed', /quotation mark is not closed/],
    ["-", /exclusions \(-word\) alone pick nothing/],
    ["-survey -review", /exclusions \(-word\) alone pick nothing/],
    ['""', /needs a word/],
    ["cs.XX", /not an arXiv category; write category:cs.LG/],
    ["category:cs.XX", /cs.XX is not an arXiv category/],
    ["2502.03387", /one paper’s id/],
  ])("refuses %j and says why", (topic, message) => {
    expect(topicProblem(topic)).toMatch(message);
    const result = preferencesSchema.safeParse({ topics: [topic] });
    expect(result.error?.issues.map((issue) => issue.message).join(" ")).toMatch(message);
  });

  it.each([
    "diffusion models",
    '"large language models" -survey',
    "author:kirsch",
    "category:cs.LG",
    "cs.LG",
    "node.js",
    "GPT-4 OR Llama",
    "hep-th",
  ])("accepts %j", (topic) => {
    expect(topicProblem(topic)).toBeNull();
  });

  it("refuses a followed category arXiv does not have, and accepts old archives", () => {
    expect(preferencesSchema.safeParse({ categories: ["cs.XX"] }).error?.issues[0]?.message).toBe(
      "“cs.XX” is not an arXiv category like cs.LG.",
    );
    expect(preferencesSchema.parse({ categories: ["cmp-lg", "stat.ml", "q-bio.NC"] }).categories).toEqual([
      "cmp-lg",
      "stat.ML",
      "q-bio.NC",
    ]);
  });
});
