import "server-only";

import katex from "katex";

import { BoundedStore } from "@/lib/bounded-store";
import { latexToText } from "@/lib/ingest/normalize-text";

// Math as arXiv writes it: $$…$$ and \[…\] display, $…$ and \(…\) inline. An inline $ must hug its
// content ("$x$", not "costs $5 and $6"), and a closing $ followed by a digit is a price, not math.
const MATH = /\$\$([^$]+?)\$\$|\\\[([\s\S]+?)\\\]|\\\(([\s\S]+?)\\\)|(?<![\\$])\$(?=\S)([^$\n]+?)(?<=\S)\$(?!\d)/g;
const URL = /\bhttps?:\/\/[^\s<>"'`]+[^\s<>"'`.,;:!?)\]]/g;

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

function renderMath(tex: string, displayMode: boolean): string {
  // No \href, \url or HTML extensions (trust: false), bounded sizes and macro expansion; errors
  // come out as the source in red rather than as an exception.
  return katex.renderToString(tex, {
    displayMode,
    throwOnError: false,
    strict: "ignore",
    trust: false,
    maxSize: 20,
    maxExpand: 200,
    output: "htmlAndMathml",
  });
}

/** Text outside math: TeX accents and commands cleaned as at ingest, spaces at either end kept. */
function renderText(text: string, links: boolean): string {
  const lead = /^\s/.test(text) ? " " : "";
  const trail = /\s$/.test(text) && text.trim() ? " " : "";
  // A dollar left outside math is money ("$15"): escaped, so the cleaner does not take it for math.
  const cleaned = escapeHtml(`${lead}${latexToText(text.replace(/(?<!\\)\$/g, "\\$"))}${trail}`);
  return links ? cleaned.replace(URL, (url) => `<a href="${url}" rel="nofollow noopener">${url}</a>`) : cleaned;
}

/**
 * Texts typeset, kept per process: a paper's title and abstract are typeset for every list and page
 * that shows them, the same each time. Up to a few MB (characters of text and HTML). Keyed by the
 * text itself, each way of typesetting apart: a key made by joining strings is copied whole before
 * it is hashed, and a list looks up dozens of abstracts a view.
 */
const typeset = { text: new BoundedStore<string>(3_000_000, sizeOf), links: new BoundedStore<string>(1_000_000, sizeOf) };

function sizeOf(html: string, text: string): number {
  return text.length + html.length;
}

/**
 * Title or abstract text as safe HTML: math typeset by KaTeX on the server (no script reaches the
 * browser; the stylesheet and fonts are served by us), the rest escaped, and with `links` its URLs
 * as nofollow links. Text without math or markup comes back escaped and otherwise unchanged.
 */
export function richTextHtml(text: string, { links = false } = {}): string {
  const kept = links ? typeset.links : typeset.text;
  let html = kept.get(text);
  if (html === undefined) {
    html = typesetText(text, links);
    kept.set(text, html);
  }
  return html;
}

function typesetText(text: string, links: boolean): string {
  let html = "";
  let last = 0;
  for (const match of text.matchAll(MATH)) {
    html += renderText(text.slice(last, match.index), links);
    const [, display, bracket, paren, inline] = match;
    html += renderMath((display ?? bracket ?? paren ?? inline ?? "").trim(), display !== undefined || bracket !== undefined);
    last = match.index + match[0].length;
  }
  return html + renderText(text.slice(last), links);
}

/** The first GitHub repository an abstract links to: its code, when no code link is known. */
export function githubRepoIn(text: string): string | null {
  const match = /\bhttps?:\/\/github\.com\/[\w.-]+\/[\w.-]+[\w-]/i.exec(text);
  return match ? match[0] : null;
}
