import { arxivAbsUrl } from "./arxiv-id";

export type CitablePaper = {
  arxivId: string;
  title: string;
  authors: string[];
  publishedOn: string | null;
  listedOn: string;
  primaryCategory: string | null;
  doi: string | null;
};

const fold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");

const STOP_WORDS = new Set(["a", "an", "the", "on", "of", "in", "for", "to", "and", "with", "towards", "toward"]);

/** "lambert2024tulu": the first author's last name, the year and the title's first real word, as arXiv and Google Scholar key entries. */
export function bibtexKey(paper: CitablePaper): string {
  const lastName = fold(paper.authors[0]?.split(/\s+/).at(-1) ?? "") || "anonymous";
  const year = (paper.publishedOn ?? paper.listedOn).slice(0, 4);
  const firstWord =
    paper.title
      .split(/\s+/)
      .map(fold)
      .find((word) => word && !STOP_WORDS.has(word)) ?? "";
  return `${lastName}${year}${firstWord}`;
}

/**
 * A field value kept as the TeX it is (titles hold math), with the characters that end a field
 * or start a comment escaped; unbalanced braces, which would end the entry early, are dropped.
 */
function field(value: string): string {
  const escaped = value
    .replace(/\s+/g, " ")
    .trim()
    .replace(/(?<!\\)([&%#])/g, "\\$1");
  let depth = 0;
  for (const character of escaped) {
    depth += character === "{" ? 1 : character === "}" ? -1 : 0;
    if (depth < 0) break;
  }
  return depth === 0 ? escaped : escaped.replace(/(?<!\\)[{}]/g, "");
}

/** The paper as arXiv's own BibTeX: an @misc entry with eprint, archivePrefix and primaryClass. */
export function paperBibtex(paper: CitablePaper): string {
  const fields: [string, string][] = [
    ["title", field(paper.title)],
    ["author", field(paper.authors.join(" and ")) || "Anonymous"],
    ["year", (paper.publishedOn ?? paper.listedOn).slice(0, 4)],
    ["eprint", paper.arxivId],
    ["archivePrefix", "arXiv"],
    ...(paper.primaryCategory ? [["primaryClass", paper.primaryCategory] as [string, string]] : []),
    ...(paper.doi ? [["doi", field(paper.doi)] as [string, string]] : []),
    ["url", arxivAbsUrl(paper.arxivId)],
  ];
  return `@misc{${bibtexKey(paper)},\n${fields.map(([name, value]) => `      ${name}={${value}},`).join("\n")}\n}\n`;
}
