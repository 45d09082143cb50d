// New-style ids (since April 2007): YYMM.NNNN, and YYMM.NNNNN from 2015 on;
// old-style: archive(.SUBJ)/YYMMNNN.
const NEW_STYLE = /^(\d{2})(\d{2})\.(\d{4,5})$/;
const OLD_STYLE = /^[a-z-]+(?:\.[A-Z]{2})?\/(\d{2})(\d{2})\d{3}$/;
const VERSION_SUFFIX = /v(\d+)$/;

export type ArxivId = { id: string; version: number | null };

/**
 * Reads an arXiv id from what people paste: a bare id, "arXiv:" prefixed, with a version, or an
 * arxiv.org / huggingface.co / PDF URL. Returns null when it holds no valid id.
 */
export function parseArxivId(input: string): ArxivId | null {
  let candidate = input.trim();
  const url = /^https?:\/\/[^/]+\/(?:abs|pdf|html|papers)\/(.+?)(?:\.pdf)?\/?(?:[?#].*)?$/i.exec(candidate);
  if (url?.[1]) candidate = url[1];
  candidate = candidate.replace(/^arxiv:/i, "");
  const versionMatch = VERSION_SUFFIX.exec(candidate);
  const id = versionMatch ? candidate.slice(0, -versionMatch[0].length) : candidate;
  if (!isValidArxivId(id)) return null;
  return { id, version: versionMatch ? Number(versionMatch[1]) : null };
}

export function isValidArxivId(id: string): boolean {
  const newStyle = NEW_STYLE.exec(id);
  const match = newStyle ?? OLD_STYLE.exec(id);
  if (!match) return false;
  const month = Number(match[2]);
  if (month < 1 || month > 12) return false;
  if (!newStyle) return true;
  const yymm = Number(`${match[1]}${match[2]}`);
  return yymm >= 704 && newStyle[3]!.length === (yymm >= 1501 ? 5 : 4);
}

/** The first day of the month an arXiv id was issued in, as YYYY-MM-DD. */
export function monthOfArxivId(id: string): string | null {
  const match = NEW_STYLE.exec(id) ?? OLD_STYLE.exec(id);
  if (!match) return null;
  const yy = Number(match[1]);
  // Old-style ids run from 1991 to 2007; new-style ones from 2007 on.
  const year = yy >= 91 ? 1900 + yy : 2000 + yy;
  return `${year}-${match[2]}-01`;
}

export function arxivAbsUrl(id: string): string {
  return `https://arxiv.org/abs/${id}`;
}

export function arxivPdfUrl(id: string): string {
  return `https://arxiv.org/pdf/${id}`;
}
