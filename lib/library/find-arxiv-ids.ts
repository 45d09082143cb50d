import { isValidArxivId } from "@/lib/papers/arxiv-id";

// An arXiv id with an optional version: new style (2403.15706) or old style (hep-th/9901001).
const ID = String.raw`(\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?`;

/** Where reference managers put arXiv ids: eprint fields, arXiv links, arXiv DOIs, "arXiv:" notes. */
const IN_FILES = [
  new RegExp(String.raw`eprint\s*=\s*[{"]\s*(?:arxiv:)?${ID}\s*[}"]`, "gi"),
  new RegExp(String.raw`arxiv\.org\/(?:abs|pdf|html|format)\/${ID}`, "gi"),
  new RegExp(String.raw`10\.48550\/arxiv\.${ID}`, "gi"),
  new RegExp(String.raw`\barxiv:\s*${ID}`, "gi"),
  new RegExp(String.raw`huggingface\.co\/papers\/${ID}`, "gi"),
];
/** In pasted text a bare id on its own counts too. */
const BARE = new RegExp(String.raw`(?<![\w./-])${ID}(?![\w/]|\.\d)`, "g");

export type FoundIds = {
  /** Distinct ids without version, in the order first seen. */
  ids: string[];
  /** Records (or pasted mentions) naming a paper an earlier one already named. */
  duplicates: number;
};

/** A file's records: BibTeX entries start with "@", RIS records with "TY  -". */
const RECORD_START = /\n(?=[ \t]*@|TY {2}- )/;

/**
 * Every arXiv id in a BibTeX or RIS file or pasted text. Reads the text as text, not as BibTeX,
 * so a broken entry costs only itself: whatever the rest of the file says is still found. One
 * record may name its paper several times (link, DOI, eprint); that is one mention, not a duplicate.
 */
export function findArxivIds(text: string, options: { bare: boolean }): FoundIds {
  const patterns = options.bare ? [...IN_FILES, BARE] : IN_FILES;
  const mentions: string[] = [];
  for (const record of options.bare ? [text] : text.split(RECORD_START)) {
    // Where each id starts, so two patterns matching the same spot count once.
    const byPosition = new Map<number, string>();
    for (const pattern of patterns) {
      for (const match of record.matchAll(pattern)) {
        const id = match[1]!;
        if (isValidArxivId(id)) byPosition.set(match.index + match[0].lastIndexOf(id), id);
      }
    }
    const inOrder = [...byPosition.entries()].sort(([a], [b]) => a - b).map(([, id]) => id);
    mentions.push(...(options.bare ? inOrder : new Set(inOrder)));
  }
  const ids = [...new Set(mentions)];
  return { ids, duplicates: mentions.length - ids.length };
}

/** How many records a file holds: BibTeX entries (not @string/@comment/@preamble) or RIS records. */
export function countRecords(text: string): number {
  const bibtex = text.match(/@(?!string\b|comment\b|preamble\b)[a-z]+\s*[{(]/gi)?.length ?? 0;
  const ris = text.match(/^TY {2}- /gm)?.length ?? 0;
  return bibtex + ris;
}
