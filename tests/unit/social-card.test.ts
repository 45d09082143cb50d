import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { cardContent, cardPath, cardVersion, drawableText } from "@/lib/social-card/card-content";
import { fontCoverage } from "@/lib/social-card/font-coverage";

const covered = new Set(
  ["Geist-Regular.ttf", "KaTeX_Main-Regular.ttf", "KaTeX_Math-Italic.ttf"].flatMap((file) => [
    ...fontCoverage(readFileSync(`assets/fonts/${file}`)),
  ]),
);

const paper = {
  arxivId: "2411.15124",
  title: 'T\\"ULU 3: $\\alpha$-Scaling with $\\ell_2 \\leq 1$',
  authors: ["Nathan Lambert", "Jacob Morrison", "Valentina Pyatkin", "Shengyi Huang"],
  publishedOn: "2024-11-22",
  listedOn: "2024-11-25",
};

describe("social card", () => {
  it("reads which characters the bundled fonts draw from their cmap tables", () => {
    for (const char of "AZaz09ÜŁőçñ—…’·αβΓΔ≤→×∞ℓ") expect(covered.has(char.codePointAt(0)!), char).toBe(true);
    for (const char of "漢😀") expect(covered.has(char.codePointAt(0)!), char).toBe(false);
  });

  it("shows the title as plain text, the first three authors and the first version's date", () => {
    expect(cardContent(paper)).toEqual({
      title: "TÜLU 3: α-Scaling with ℓ₂ ≤ 1",
      authors: "Nathan Lambert, Jacob Morrison, Valentina Pyatkin et al.",
      date: "Nov 22, 2024",
      arxivId: "2411.15124",
    });
    const long = cardContent({ ...paper, title: "word ".repeat(60), publishedOn: null });
    expect(long.title).toHaveLength(160);
    expect(long.title.endsWith("…")).toBe(true);
    expect(long.date).toBe("Nov 25, 2024");
  });

  it("keeps only characters a bundled font draws, composing accents first", () => {
    expect(drawableText("TU\u0308LU 漢字 for 😀 all", covered)).toBe("TÜLU for all");
  });

  it("versions the card URL by what the card shows, and only by that", () => {
    const content = cardContent(paper);
    expect(cardPath(content)).toBe(`/cards/2411.15124?v=${cardVersion(content)}`);
    expect(cardVersion(cardContent({ ...paper, authors: [...paper.authors, "Someone Else"] }))).toBe(cardVersion(content));
    expect(cardVersion(cardContent({ ...paper, title: "TÜLU 4" }))).not.toBe(cardVersion(content));
  });
});
