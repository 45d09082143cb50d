import { SaxesParser, type SaxesTagNS } from "saxes";

import { IngestError } from "../ingest-error";

const ATOM = "http://www.w3.org/2005/Atom";
const ARXIV = "http://arxiv.org/schemas/atom";
const OPENSEARCH = "http://a9.com/-/spec/opensearch/1.1/";

/** An `<entry>` as the feed spells it; `arxiv-entry.ts` validates and interprets it. */
export type RawEntry = {
  id?: string;
  title?: string;
  summary?: string;
  published?: string;
  updated?: string;
  authors: string[];
  categories: string[];
  primaryCategory?: string;
  links: { href: string; rel?: string; title?: string; type?: string }[];
  doi?: string;
  comment?: string;
  journalRef?: string;
};

export type RawFeed = { totalResults?: string; startIndex?: string; itemsPerPage?: string; entries: RawEntry[] };

type TextField = "id" | "title" | "summary" | "published" | "updated" | "doi" | "comment" | "journalRef";

// Elements whose text we keep, by namespace and local name, and where it goes.
const ENTRY_TEXT: Record<string, TextField> = {
  [`${ATOM} id`]: "id",
  [`${ATOM} title`]: "title",
  [`${ATOM} summary`]: "summary",
  [`${ATOM} published`]: "published",
  [`${ATOM} updated`]: "updated",
  [`${ARXIV} doi`]: "doi",
  [`${ARXIV} comment`]: "comment",
  [`${ARXIV} journal_ref`]: "journalRef",
};
const FEED_TEXT: Record<string, keyof Omit<RawFeed, "entries">> = {
  [`${OPENSEARCH} totalResults`]: "totalResults",
  [`${OPENSEARCH} startIndex`]: "startIndex",
  [`${OPENSEARCH} itemsPerPage`]: "itemsPerPage",
};

const attribute = (tag: SaxesTagNS, name: string) => tag.attributes[name]?.value;

/**
 * Reads an arXiv API Atom feed as it streams in, so a page is never held twice in memory. The XML
 * parser is strict: a cut-off or malformed body, or a document that is not an Atom feed (an HTML
 * error page), fails with an IngestError that says so.
 */
export async function parseAtomFeed(chunks: AsyncIterable<string> | Iterable<string>, label = "arXiv API"): Promise<RawFeed> {
  const feed: RawFeed = { entries: [] };
  const parser = new SaxesParser({ xmlns: true, position: true });
  let entry: RawEntry | null = null;
  let capture: { key: string; text: string } | null = null;
  let inAuthor = false;
  let depth = 0;
  let rootChecked = false;

  parser.on("opentag", (tag) => {
    depth++;
    const key = `${tag.uri} ${tag.local}`;
    if (!rootChecked) {
      rootChecked = true;
      if (key !== `${ATOM} feed`) {
        const what = tag.local.toLowerCase() === "html" ? "an HTML page" : `a <${tag.name}> document`;
        throw new IngestError(`${label} returned ${what} instead of an Atom feed`, { retryable: true });
      }
      return;
    }
    if (depth === 2 && key === `${ATOM} entry`) {
      entry = { authors: [], categories: [], links: [] };
    } else if (entry && depth === 3) {
      if (key === `${ATOM} author`) inAuthor = true;
      else if (key === `${ATOM} category`) {
        const term = attribute(tag, "term");
        if (term) entry.categories.push(term);
      } else if (key === `${ARXIV} primary_category`) entry.primaryCategory = attribute(tag, "term");
      else if (key === `${ATOM} link`) {
        const href = attribute(tag, "href");
        if (href) entry.links.push({ href, rel: attribute(tag, "rel"), title: attribute(tag, "title"), type: attribute(tag, "type") });
      } else if (ENTRY_TEXT[key]) capture = { key, text: "" };
    } else if (entry && depth === 4 && inAuthor && key === `${ATOM} name`) capture = { key, text: "" };
    else if (!entry && depth === 2 && FEED_TEXT[key]) capture = { key, text: "" };
  });

  const onText = (text: string) => {
    if (capture) capture.text += text;
  };
  parser.on("text", onText);
  parser.on("cdata", onText);

  parser.on("closetag", (tag) => {
    const key = `${tag.uri} ${tag.local}`;
    if (capture && capture.key === key) {
      if (entry && inAuthor) entry.authors.push(capture.text);
      else if (entry) entry[ENTRY_TEXT[key]!] = capture.text;
      else feed[FEED_TEXT[key]!] = capture.text;
      capture = null;
    } else if (entry && depth === 3 && key === `${ATOM} author`) inAuthor = false;
    else if (entry && depth === 2 && key === `${ATOM} entry`) {
      feed.entries.push(entry);
      entry = null;
    }
    depth--;
  });

  // Errors from reading the stream (timeouts, dropped connections) pass through as they are; the
  // parser's own ("line:column: problem", e.g. an unclosed tag in a cut-off body) mean bad XML.
  const feedParser = (step: () => void) => {
    try {
      step();
    } catch (error) {
      if (error instanceof IngestError) throw error;
      throw new IngestError(`${label} returned malformed XML (${error instanceof Error ? error.message : String(error)})`, {
        retryable: true,
      });
    }
  };
  let empty = true;
  for await (const chunk of chunks) {
    empty &&= !/\S/.test(chunk);
    feedParser(() => parser.write(chunk));
  }
  if (empty) throw new IngestError(`${label} returned an empty body instead of an Atom feed`, { retryable: true });
  feedParser(() => parser.close());
  return feed;
}
