import { describe, expect, it } from "vitest";

import { bibtexKey, paperBibtex, type CitablePaper } from "@/lib/papers/bibtex";

const tulu: CitablePaper = {
  arxivId: "2411.15124",
  title: "TÜLU 3: Pushing Frontiers in Open Language Model Post-Training",
  authors: ["Nathan Lambert", "Jacob Morrison"],
  publishedOn: "2024-11-22",
  listedOn: "2024-11-22",
  primaryCategory: "cs.CL",
  doi: null,
};

describe("BibTeX", () => {
  it("writes arXiv's @misc form with eprint, archivePrefix and primaryClass", () => {
    expect(paperBibtex(tulu)).toBe(
      [
        "@misc{lambert2024tulu,",
        "      title={TÜLU 3: Pushing Frontiers in Open Language Model Post-Training},",
        "      author={Nathan Lambert and Jacob Morrison},",
        "      year={2024},",
        "      eprint={2411.15124},",
        "      archivePrefix={arXiv},",
        "      primaryClass={cs.CL},",
        "      url={https://arxiv.org/abs/2411.15124},",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("keys by first author, year and the title's first real word, without accents", () => {
    expect(bibtexKey({ ...tulu, authors: ["Jürgen Schmidhuber"], title: "A Theory of $\\alpha$-Things" })).toBe("schmidhuber2024theory");
    expect(bibtexKey({ ...tulu, authors: [], publishedOn: null, listedOn: "2019-03-01" })).toBe("anonymous2019tulu");
  });

  it("keeps TeX, escapes what would end a field or start a comment, and drops unbalanced braces", () => {
    const entry = paperBibtex({ ...tulu, title: "Q&A at 100% with $O(n^{2})$ } and #tags", primaryCategory: null, doi: "10.1/x" });
    expect(entry).toContain("title={Q\\&A at 100\\% with $O(n^2)$  and \\#tags},");
    expect(entry).not.toContain("primaryClass");
    expect(entry).toContain("doi={10.1/x},");
    expect(paperBibtex({ ...tulu, title: "Balanced {BERT} stays" })).toContain("title={Balanced {BERT} stays},");
  });
});
