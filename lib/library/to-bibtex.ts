/** What a BibTeX entry needs of a paper. */
export type BibtexPaper = {
  arxivId: string;
  version: number | null;
  title: string;
  authors: string[];
  /** YYYY-MM-DD of the first version (or the listing day). */
  publishedOn: string;
  primaryCategory: string | null;
};

// Characters BibTeX or LaTeX read as syntax; braces especially, since one unbalanced brace
// swallows the rest of the file.
const SPECIAL: Record<string, string> = {
  "\\": "\\textbackslash{}",
  "{": "\\{",
  "}": "\\}",
  "&": "\\&",
  "%": "\\%",
  $: "\\$",
  "#": "\\#",
  _: "\\_",
  "~": "\\textasciitilde{}",
  "^": "\\textasciicircum{}",
};

export function escapeBibtex(value: string): string {
  return value
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\\{}&%$#_~^]/g, (char) => SPECIAL[char]!);
}

const STOP_WORDS = new Set(["a", "an", "the", "on", "of", "for", "in", "to", "and", "with", "towards", "toward", "is", "are"]);

/** "vaswani2017attention": first author's surname, year, first telling title word, in ASCII. */
function citationKey(paper: BibtexPaper): string {
  const ascii = (value: string) =>
    value
      .normalize("NFKD")
      .replace(/[^A-Za-z0-9]/g, "")
      .toLowerCase();
  const surname = ascii(paper.authors[0]?.trim().split(/\s+/).at(-1) ?? "") || "arxiv";
  const word =
    paper.title
      .split(/\s+/)
      .map(ascii)
      .find((candidate) => candidate && !STOP_WORDS.has(candidate)) ?? "";
  return `${surname}${paper.publishedOn.slice(0, 4)}${word}`;
}

/**
 * The library as BibTeX in arXiv's own form (@misc with eprint, archivePrefix and primaryClass),
 * with citation keys made unique by a letter suffix, as reference managers do.
 */
export function toBibtex(papers: BibtexPaper[]): string {
  const used = new Map<string, number>();
  return papers
    .map((paper) => {
      const base = citationKey(paper);
      const seen = used.get(base) ?? 0;
      used.set(base, seen + 1);
      const key =
        seen === 0 ? base : `${base}${String.fromCharCode(97 + ((seen - 1) % 26))}${seen > 26 ? Math.floor((seen - 1) / 26) : ""}`;
      const fields: [string, string][] = [
        ["title", escapeBibtex(paper.title)],
        ["author", paper.authors.map(escapeBibtex).join(" and ")],
        ["year", paper.publishedOn.slice(0, 4)],
        ["eprint", paper.arxivId],
        ["archivePrefix", "arXiv"],
        ...(paper.primaryCategory ? [["primaryClass", escapeBibtex(paper.primaryCategory)] as [string, string]] : []),
        ["url", `https://arxiv.org/abs/${paper.arxivId}${paper.version ? `v${paper.version}` : ""}`],
      ];
      return `@misc{${key},\n${fields.map(([name, value]) => `      ${name}={${value}},`).join("\n")}\n}\n`;
    })
    .join("\n");
}
