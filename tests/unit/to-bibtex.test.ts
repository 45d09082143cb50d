import { describe, expect, it } from "vitest";

import { escapeBibtex, toBibtex } from "@/lib/library/to-bibtex";

const paper = {
  arxivId: "1706.03762",
  version: 7,
  title: "Attention Is All You Need",
  authors: ["Ashish Vaswani", "Noam Shazeer"],
  publishedOn: "2017-06-12",
  primaryCategory: "cs.CL",
};

describe("toBibtex", () => {
  it("writes arXiv's own @misc form", () => {
    expect(toBibtex([paper])).toBe(
      [
        "@misc{vaswani2017attention,",
        "      title={Attention Is All You Need},",
        "      author={Ashish Vaswani and Noam Shazeer},",
        "      year={2017},",
        "      eprint={1706.03762},",
        "      archivePrefix={arXiv},",
        "      primaryClass={cs.CL},",
        "      url={https://arxiv.org/abs/1706.03762v7},",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("keeps citation keys unique and ASCII", () => {
    const bib = toBibtex([paper, { ...paper, arxivId: "1706.03763" }, { ...paper, authors: ["Łukasz Kaiser"], title: "The Ünïcode" }]);
    expect([...bib.matchAll(/@misc\{([^,]+),/g)].map((match) => match[1])).toEqual([
      "vaswani2017attention",
      "vaswani2017attentiona",
      "kaiser2017unicode",
    ]);
  });

  it("escapes what BibTeX reads as syntax, so no brace can unbalance the file", () => {
    expect(escapeBibtex("50% of {x} & y_1 $\\alpha$ #1")).toBe("50\\% of \\{x\\} \\& y\\_1 \\$\\textbackslash{}alpha\\$ \\#1");
    const bib = toBibtex([{ ...paper, title: "}}}{ broken", authors: [] }]);
    const opened = [...bib.replace(/\\[{}]/g, "")].filter((char) => char === "{").length;
    const closed = [...bib.replace(/\\[{}]/g, "")].filter((char) => char === "}").length;
    expect(opened).toBe(closed);
    expect(bib).toContain("@misc{arxiv2017broken,");
  });
});
