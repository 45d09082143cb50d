import { describe, expect, it } from "vitest";

import { latexToText, normalizeAbstract, normalizeLine } from "@/lib/ingest/normalize-text";

describe("latexToText", () => {
  it.each([
    ["Linear Attention in $\\mathcal{O}(n)$ Memory", "Linear Attention in O(n) Memory"],
    ["\\emph{Sparse} and \\textbf{\\textit{bold}} kernels", "Sparse and bold kernels"],
    ["Pre-training -- a study --- in two parts", "Pre-training – a study — in two parts"],
    ["Schr\\\"odinger, {\\\"U}ber, G\\'{e}rard, \\c{C}a\\u{g}lar, \\'\\i", "Schrödinger, Über, Gérard, Çağlar, í"],
    ["Fran\\c{c}ois Lef\\`evre and Andr\\'e", "François Lefèvre and André"],
    ["$\\alpha$-entmax with $\\ell_2$ scores on $\\mathbb{R}^d$", "α-entmax with ℓ₂ scores on ℝ^d"],
    ["Up to $2^{17}$ tokens at $n^2$ cost", "Up to 2¹⁷ tokens at n² cost"],
    ["``Calibrated'' prediction", "“Calibrated” prediction"],
    ["100\\% of \\$5 \\& more", "100% of $5 & more"],
    ["$O(n \\log n)$ sorting", "O(n log n) sorting"],
    ["\\LaTeX{} in titles", "LaTeX in titles"],
  ])("turns %j into %j", (input, expected) => {
    expect(latexToText(input)).toBe(expected);
  });

  it("joins a title broken over lines and indented, as the arXiv API sends it", () => {
    expect(latexToText("Sparse Kernels\n  for Long-Context Transformers  ")).toBe("Sparse Kernels for Long-Context Transformers");
  });

  it("leaves underscores and tildes in links alone outside math", () => {
    expect(latexToText("see https://x.org/~user/repo_2 and Fig.~1")).toBe("see https://x.org/~user/repo_2 and Fig. 1");
  });

  it("keeps unicode that needs no conversion", () => {
    expect(latexToText("王小明 and Søren Kierkegaard-Østergaard")).toBe("王小明 and Søren Kierkegaard-Østergaard");
  });
});

describe("normalizeAbstract", () => {
  it("joins wrapped lines and keeps paragraphs marked by a blank or indented line", () => {
    const summary = "  We present a method\nthat wraps lines.\n  A second paragraph\nalso wraps.\n\nA third one.\n";
    expect(normalizeAbstract(summary)).toBe("We present a method that wraps lines.\n\nA second paragraph also wraps.\n\nA third one.");
  });

  it("gives an empty string for an empty summary", () => {
    expect(normalizeAbstract("  \n ")).toBe("");
  });
});

describe("normalizeLine", () => {
  it("drops control characters PostgreSQL or the page cannot show", () => {
    expect(normalizeLine("a\u0000b\u0007c\n d")).toBe("abc d");
  });
});
