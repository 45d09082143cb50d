import { describe, expect, it } from "vitest";

import { requiredTerms } from "@/lib/search/required-terms";

const phrases = (text: string) => requiredTerms(text).phrases;

describe("requiredTerms", () => {
  it("returns the quoted phrases every match must contain", () => {
    expect(phrases('"language models"')).toEqual(["language models"]);
    expect(phrases('scaling "language models" "in context learning" laws')).toEqual(["language models", "in context learning"]);
  });

  it("returns the words outside quotes that are not excluded", () => {
    expect(requiredTerms('scaling "language models" -survey llm-based')).toEqual({
      phrases: ["language models"],
      words: ["scaling", "llm-based"],
      plain: false,
    });
  });

  it("tells when the query is nothing but phrases and plain words", () => {
    expect(requiredTerms('scaling "language models" "transformers" laws').plain).toBe(true);
    expect(requiredTerms('"language models" -survey').plain).toBe(false);
    expect(requiredTerms('"language models" llm-based').plain).toBe(false);
  });

  it("reads an unclosed quote to the end, as websearch_to_tsquery does", () => {
    expect(phrases('"language models')).toEqual(["language models"]);
  });

  it("collapses the spaces inside a phrase and keeps letters of any script", () => {
    expect(phrases('"naïve   Bayes" "深度 学习"')).toEqual(["naïve Bayes", "深度 学习"]);
  });

  it("leaves out excluded phrases, written with or without a space after the minus", () => {
    expect(requiredTerms('"a b" -"c d" - "e f"')).toEqual({ phrases: ["a b"], words: [], plain: false });
  });

  it("returns nothing when an OR makes parts of the query optional", () => {
    expect(requiredTerms('"a b" OR c')).toEqual({ phrases: [], words: [], plain: false });
    expect(requiredTerms('x or "a b"')).toEqual({ phrases: [], words: [], plain: false });
  });

  it("does not mistake a quoted or for the OR operator", () => {
    expect(phrases('"or" "a b"')).toEqual(["a b"]);
  });

  it("treats single quoted words and phrases with punctuation as words, whose lexemes may not stand side by side", () => {
    expect(requiredTerms('"transformers" "state-of-the-art model"')).toEqual({
      phrases: [],
      words: ["transformers", "state-of-the-art", "model"],
      plain: false,
    });
  });
});
