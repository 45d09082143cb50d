import { describe, expect, it } from "vitest";

import { singularAcronym } from "@/lib/search/field-vocabulary";
import { mineAbbreviations } from "@/lib/search/mine-abbreviations";
import { acronymInflections } from "@/lib/search/query-terms";

describe("mineAbbreviations", () => {
  it("finds acronyms defined in parentheses, singular, with the expansion in lower case", () => {
    expect(
      mineAbbreviations(
        "Large Language Models (LLMs) trained with reinforcement learning from human feedback (RLHF) and chain-of-thought (CoT) prompting.",
      ),
    ).toEqual([
      { short: "LLM", long: "large language models" },
      { short: "RLHF", long: "reinforcement learning from human feedback" },
      { short: "CoT", long: "chain-of-thought" },
    ]);
  });

  it("takes the shortest run of words that spells the acronym", () => {
    expect(mineAbbreviations("We study the behaviour of in-context learning (ICL) in transformers.")).toEqual([
      { short: "ICL", long: "in-context learning" },
    ]);
  });

  it("ignores parentheses that define nothing", () => {
    expect(mineAbbreviations("Results (see Table 2) improve (e.g. by 3%) over baselines (BERT).")).toEqual([]);
    expect(mineAbbreviations("A model (ii) and a (Model).")).toEqual([]);
  });

  it("rejects an expansion whose first letter came from a function word", () => {
    expect(mineAbbreviations("the Abstraction and Reasoning Corpus (ARC) benchmark")).toEqual([
      { short: "ARC", long: "abstraction and reasoning corpus" },
    ]);
    expect(mineAbbreviations("Sentence one. and Reasoning Corpus (ARC)")).toEqual([]);
  });

  it("does not reach back over the end of a sentence", () => {
    expect(mineAbbreviations("Deep networks. Policy Optimization (DPO) is used.")).toEqual([]);
  });
});

describe("acronym numbers", () => {
  it("searches an acronym in both numbers and leaves other words alone", () => {
    expect(acronymInflections("LLM")).toEqual(["LLMs"]);
    expect(acronymInflections("LLMs")).toEqual(["LLM"]);
    expect(acronymInflections("CoT")).toEqual(["CoTs"]);
    expect(acronymInflections("agents")).toEqual([]);
    expect(acronymInflections("Transformers")).toEqual([]);
    expect(singularAcronym("LLMs")).toBe("LLM");
    expect(singularAcronym("models")).toBe("models");
  });
});
