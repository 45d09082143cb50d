import { arxivAbsUrl } from "@/lib/papers/arxiv-id";
import type { PaperCard } from "@/lib/papers/paper-card";
import { plainText } from "@/lib/text/plain-text";

export type AtomFeed = {
  /** Absolute URL of this feed; also its id. */
  selfUrl: string;
  /** Absolute URL of the page the feed mirrors. */
  pageUrl: string;
  title: string;
  subtitle: string;
  appUrl: string;
  papers: PaperCard[];
};

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

// Characters XML 1.0 cannot carry at all, even escaped.
const INVALID_XML_CHARS = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXml(text: string): string {
  return text.replace(INVALID_XML_CHARS, "").replace(/[&<>"']/g, (char) => XML_ESCAPES[char]!);
}

/** An Atom 1.0 document (RFC 4287) listing papers, newest listing first in each entry's dates. */
export function renderAtomFeed(feed: AtomFeed): string {
  const updated = feed.papers.reduce((latest, paper) => (paper.listedOn > latest ? paper.listedOn : latest), "1991-08-14");
  const entries = feed.papers.map((paper) => {
    const url = `${feed.appUrl}/papers/${paper.arxivId}`;
    const day = `${paper.publishedOn ?? paper.listedOn}T00:00:00Z`;
    // RFC 4287 wants an author in every entry; a paper without listed authors says so.
    const names = paper.authors.length > 0 ? paper.authors : ["Authors not listed"];
    const authors = names.map((name) => `    <author><name>${escapeXml(name)}</name></author>`);
    const categories = paper.categories.map((category) => `    <category term="${escapeXml(category)}"/>`);
    return [
      "  <entry>",
      `    <id>${escapeXml(arxivAbsUrl(paper.arxivId))}</id>`,
      `    <title>${escapeXml(plainText(paper.title))}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(url)}"/>`,
      `    <link rel="related" type="text/html" href="${escapeXml(arxivAbsUrl(paper.arxivId))}"/>`,
      `    <published>${day}</published>`,
      `    <updated>${day}</updated>`,
      ...authors,
      ...categories,
      `    <summary>${escapeXml(plainText(paper.abstractPreview))}${paper.abstractPreview.length >= 300 ? "…" : ""}</summary>`,
      "  </entry>",
    ].join("\n");
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${escapeXml(feed.selfUrl)}</id>`,
    `  <title>${escapeXml(feed.title)}</title>`,
    `  <subtitle>${escapeXml(feed.subtitle)}</subtitle>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.pageUrl)}"/>`,
    `  <updated>${updated}T00:00:00Z</updated>`,
    "  <generator>PaperPulse</generator>",
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}
