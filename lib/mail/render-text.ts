import type { ReactNode } from "react";

import { HtmlOnly, Prerendered, TextOnly } from "./email-only";
import { FRAGMENT, isElement, isIterableNode, renderComponent, type ElementLike } from "./react-element";

const PARAGRAPHS = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "blockquote", "hr"]);
const LINES = new Set(["div", "tr", "td", "th", "li", "section", "header", "footer", "main", "article", "body", "html", "center"]);
const SKIPPED = new Set(["head", "style", "title", "script"]);
const UNDERLINES: Record<string, string> = { h1: "=", h2: "-" };
/** Whitespace that `write` turns into one space: any but a lone space. */
const UNCOLLAPSED = /[^\S ]| {2}/;

/**
 * The plain-text part of an email from the same element tree as its HTML: paragraphs and lines
 * where the HTML has blocks, and every link written out as `label <url>` (RFC 3986, appendix C).
 */
export function renderText(node: ReactNode): string {
  const writer = new TextWriter();
  writeNode(node, writer);
  return writer.finish();
}

/** Runs of whitespace as the text part writes them: one space each. */
export function collapseWhitespace(text: string): string {
  // Most text, prerendered lines above all, has nothing to collapse: finding that out allocates nothing.
  return UNCOLLAPSED.test(text) ? text.replace(/\s+/g, " ") : text;
}

class TextWriter {
  private lines: string[] = [];
  private line = "";
  private pendingBreaks = 0;

  write(text: string) {
    const collapsed = collapseWhitespace(text);
    if (!collapsed || (collapsed === " " && this.line === "")) return;
    this.flushBreaks();
    this.line += this.line === "" ? collapsed.trimStart() : collapsed;
  }

  /** Ends the current line; `blankLines` asks for an empty line between blocks too. */
  breakLine(blankLines = 0) {
    if (this.line.trim() === "" && this.lines.length === 0) return;
    this.pendingBreaks = Math.max(this.pendingBreaks, 1 + blankLines);
  }

  hardBreak() {
    this.flushBreaks();
    this.lines.push(this.line.trimEnd());
    this.line = "";
  }

  private flushBreaks() {
    if (this.pendingBreaks === 0) return;
    if (this.line.trim() !== "") this.lines.push(this.line.trimEnd());
    for (let blank = 1; blank < this.pendingBreaks; blank++) this.lines.push("");
    this.line = "";
    this.pendingBreaks = 0;
  }

  finish(): string {
    if (this.line.trim() !== "") this.lines.push(this.line.trimEnd());
    return `${this.lines
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim()}\n`;
  }
}

function writeNode(node: ReactNode, writer: TextWriter): void {
  if (node === null || node === undefined || typeof node === "boolean") return;
  if (typeof node === "string" || typeof node === "number" || typeof node === "bigint") return writer.write(String(node));
  if (isElement(node)) return writeElement(node, writer);
  if (isIterableNode(node)) for (const child of node) writeNode(child, writer);
}

function writeElement(element: ElementLike, writer: TextWriter): void {
  const { type, props } = element;
  const children = props.children as ReactNode;
  if (type === HtmlOnly) return;
  if (type === Prerendered) return writePrerendered(String(props.text), writer);
  if (type === TextOnly || type === FRAGMENT) return writeNode(children, writer);
  if (typeof type === "function") return writeNode(renderComponent(element), writer);
  if (typeof type !== "string" || SKIPPED.has(type)) return;

  if (type === "br") return writer.hardBreak();
  if (type === "hr") {
    writer.breakLine(1);
    writer.write("----------------------------------------");
    return writer.breakLine(1);
  }
  if (type === "img") return writer.write(typeof props.alt === "string" ? props.alt : "");
  if (type === "a") return writeLink(props, writer);

  const blankLines = PARAGRAPHS.has(type) ? 1 : LINES.has(type) ? 0 : -1;
  if (blankLines >= 0) writer.breakLine(blankLines);
  if (type === "li") writer.write("- ");
  const underline = UNDERLINES[type];
  if (underline) {
    const title = renderText(children).trim();
    writer.write(title);
    writer.hardBreak();
    writer.write(underline.repeat(Math.min(title.length, 72)));
  } else {
    writeNode(children, writer);
  }
  if (blankLines >= 0) writer.breakLine(blankLines);
}

/** A text part rendered earlier, as its own block, its lines and blank lines kept. */
function writePrerendered(text: string, writer: TextWriter): void {
  writer.breakLine(1);
  text
    .trimEnd()
    .split("\n")
    .forEach((line, index) => {
      if (index > 0) writer.hardBreak();
      writer.write(line);
    });
  writer.breakLine(1);
}

function writeLink(props: Record<string, unknown>, writer: TextWriter): void {
  const label = renderText(props.children as ReactNode)
    .trim()
    .replace(/\s+/g, " ");
  const href = typeof props.href === "string" ? props.href.replace(/^mailto:/, "") : "";
  if (!href || label === href) return writer.write(label || href);
  writer.write(label ? `${label} <${href}>` : href);
}
