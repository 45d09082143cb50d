import { createHash } from "node:crypto";

import { formatDay, shortenAuthors } from "@/lib/format";
import { plainText } from "@/lib/text/plain-text";

/** What a paper's social card shows; everything else about the paper leaves the image alone. */
export type CardContent = { title: string; authors: string; date: string; arxivId: string };

type CardPaper = { arxivId: string; title: string; authors: string[]; publishedOn: string | null; listedOn: string };

export const CARD_SIZE = { width: 1200, height: 630 };

const MAX_TITLE = 160;

export function cardContent(paper: CardPaper): CardContent {
  const title = plainText(paper.title).replace(/\s+/g, " ").trim();
  return {
    title: title.length > MAX_TITLE ? `${title.slice(0, MAX_TITLE - 1).trimEnd()}…` : title,
    authors: shortenAuthors(paper.authors),
    date: formatDay(paper.publishedOn ?? paper.listedOn),
    arxivId: paper.arxivId,
  };
}

/**
 * A short hash of the card's content. The page links `/cards/{id}?v={version}`, so the image may
 * be cached for a year: when the title or authors change, so does the URL.
 */
export function cardVersion(content: CardContent): string {
  return createHash("sha256").update(JSON.stringify(content)).digest("base64url").slice(0, 12);
}

export function cardPath(content: CardContent): string {
  return `/cards/${content.arxivId}?v=${cardVersion(content)}`;
}

/**
 * The text with characters no bundled font draws left out (composed first, so "U" plus a combining
 * diaeresis becomes the "Ü" the font has).
 */
export function drawableText(text: string, covered: Set<number>): string {
  let kept = "";
  for (const char of text.normalize("NFC")) if (char === " " || covered.has(char.codePointAt(0)!)) kept += char;
  return kept.replace(/\s+/g, " ").trim();
}
