import { describe, expect, it } from "vitest";

import { requiredPhrases } from "@/lib/search/required-phrases";

describe("requiredPhrases", () => {
  it("returns the quoted phrases every match must contain", () => {
    expect(requiredPhrases('"language models"')).toEqual(["language models"]);
    expect(requiredPhrases('scaling "language models" "in context learning" laws')).toEqual(["language models", "in context learning"]);
  });

  it("reads an unclosed quote to the end, as websearch_to_tsquery does", () => {
    expect(requiredPhrases('"language models')).toEqual(["language models"]);
  });

  it("collapses the spaces inside a phrase and keeps letters of any script", () => {
    expect(requiredPhrases('"naïve   Bayes" "深度 学习"')).toEqual(["naïve Bayes", "深度 学习"]);
  });

  it("leaves out excluded phrases, written with or without a space after the minus", () => {
    expect(requiredPhrases('"a b" -"c d" - "e f"')).toEqual(["a b"]);
  });

  it("returns nothing when an OR makes parts of the query optional", () => {
    expect(requiredPhrases('"a b" OR c')).toEqual([]);
    expect(requiredPhrases('x or "a b"')).toEqual([]);
  });

  it("does not mistake a quoted or for the OR operator", () => {
    expect(requiredPhrases('"or" "a b"')).toEqual(["a b"]);
  });

  it("skips single words and phrases with punctuation, whose lexemes may not stand side by side", () => {
    expect(requiredPhrases('"transformers" "state-of-the-art model" "GPT-4 results"')).toEqual([]);
  });
});
