import { describe, expect, it } from "vitest";

import { normalizeCategory } from "@/lib/search/arxiv-category";
import { cleanQueryText, hasSearchTerms, parseSearchText } from "@/lib/search/parse-search-text";

function parsed(input: string) {
  const result = parseSearchText(input);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

describe("search text parsing", () => {
  it("leaves plain words, phrases, OR and exclusions to websearch_to_tsquery", () => {
    expect(parsed('  "in-context learning"  OR  transformers -survey ')).toEqual({
      text: '"in-context learning" OR transformers -survey',
      authors: [],
      categories: [],
      arxivId: null,
    });
  });

  it("takes author: terms out of the text, bare or quoted, as name words", () => {
    expect(parsed('reasoning author:kirsch author:"Bernhard Schölkopf" agents')).toMatchObject({
      text: "reasoning agents",
      authors: [["kirsch"], ["Bernhard", "Schölkopf"]],
    });
  });

  it("reads an unclosed quote after author: to the end", () => {
    expect(parsed('author:"Louis Kirsch')).toMatchObject({ text: "", authors: [["Louis", "Kirsch"]] });
  });

  it("drops punctuation from author names, so initials and hyphens still match word by word", () => {
    expect(parsed('author:"Tim Z. Xiao" AUTHOR:Sohl-Dickstein').authors).toEqual([
      ["Tim", "Z", "Xiao"],
      ["Sohl", "Dickstein"],
    ]);
  });

  it("spells category: terms the way arXiv does and ignores repeats", () => {
    expect(parsed("category:CS.lg category:cs.LG category:cond-mat.DIS-NN category:hep-th").categories).toEqual([
      "cs.LG",
      "cond-mat.dis-nn",
      "hep-th",
    ]);
  });

  it("refuses a category that cannot be one, saying how to write it", () => {
    expect(parseSearchText("category:<script>")).toEqual({
      ok: false,
      message: '"<script>" is not an arXiv category; write e.g. category:cs.LG',
    });
  });

  it("refuses more than five author: terms", () => {
    const result = parseSearchText(Array.from({ length: 6 }, (_, index) => `author:name${index}`).join(" "));
    expect(result.ok).toBe(false);
  });

  it("answers an arXiv id or link with that paper", () => {
    expect(parsed("2403.15706").arxivId).toBe("2403.15706");
    expect(parsed("https://arxiv.org/abs/2403.15706v2").arxivId).toBe("2403.15706");
    expect(parsed("2403.15706 transformers").arxivId).toBeNull();
  });

  it("keeps a field name without a value as a word", () => {
    expect(parsed("author: kirsch")).toMatchObject({ text: "author: kirsch", authors: [] });
  });

  it("treats an empty or punctuation-only name as no author filter", () => {
    expect(hasSearchTerms(parsed("author:🚀"))).toBe(false);
    expect(hasSearchTerms(parsed("   "))).toBe(false);
    expect(hasSearchTerms(parsed("category:cs.LG"))).toBe(true);
  });
});

describe("query text cleaning", () => {
  it("removes NUL and other control characters, lone surrogates and the highlighter's marks", () => {
    expect(cleanQueryText("a\u0000b\u0007c \uD800 d\uE000e\uE001\n\tf")).toBe("a b c d e f");
  });

  it("keeps letters of every script and emoji", () => {
    expect(cleanQueryText("量子 Schrödinger 🚀")).toBe("量子 Schrödinger 🚀");
  });
});

describe("arXiv categories", () => {
  it.each([
    ["cs.lg", "cs.LG"],
    ["STAT.ML", "stat.ML"],
    ["astro-ph.co", "astro-ph.CO"],
    ["physics.Optics", "physics.optics"],
    ["Q-BIO.NC", "q-bio.NC"],
    ["hep-th", "hep-th"],
  ])("%s is %s", (input, expected) => {
    expect(normalizeCategory(input)).toBe(expected);
  });

  it.each(["", "cs.", ".LG", "cs LG", "cs.LG;drop", "cs.LG.x", "x".repeat(41)])("%j is not a category", (input) => {
    expect(normalizeCategory(input)).toBeNull();
  });
});
