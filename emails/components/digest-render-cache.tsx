import type { ReactElement } from "react";

import { HtmlOnly, Prerendered, TextOnly } from "@/lib/mail/email-only";
import { escapeAttribute, escapeText, renderHtml } from "@/lib/mail/render-html";
import { collapseWhitespace, renderText } from "@/lib/mail/render-text";

import {
  FeedbackLinks,
  PaperBody,
  PaperLeadLine,
  separator,
  type DigestEmailPaper,
  type FeedbackUrls,
  type PaperLead,
} from "./digest-paper";

/**
 * Renderings one sender keeps across the digests it renders: a run shows the same new papers, and
 * mostly the same "also trending" list, in thousands of digests, and each is rendered once. Papers
 * are known by their object; lists by a key, of which a bounded number are kept. The digest run
 * owns one for its lifetime (see createDigestRenderCache); a lone email gets a fresh one.
 */
export type DigestRenderCache = {
  papers: WeakMap<DigestEmailPaper, { html: string; text: string }>;
  /** Each paper item, per kind of lead, split at its slots; null when the paper holds a slot character. */
  items: WeakMap<DigestEmailPaper, Map<string, { html: string[]; text: string[] } | null>>;
  lists: Map<string, { html: string; text: string }>;
};

export function createDigestRenderCache(): DigestRenderCache {
  return { papers: new WeakMap(), items: new WeakMap(), lists: new Map() };
}

const MAX_RENDERED_LISTS = 1_000;

function renderParts(element: ReactElement) {
  return { html: renderHtml(element), text: renderText(element) };
}

function CachedPaper({ paper, cache }: { paper: DigestEmailPaper; cache: DigestRenderCache }) {
  let parts = cache.papers.get(paper);
  if (!parts) {
    parts = renderParts(<PaperBody paper={paper} />);
    cache.papers.set(paper, parts);
  }
  return <Prerendered {...parts} />;
}

/** `children` as rendered the first time `cacheKey` came up: the key must say everything they show. */
export function CachedList({ cacheKey, cache, children }: { cacheKey: string; cache: DigestRenderCache; children: ReactElement }) {
  let parts = cache.lists.get(cacheKey);
  if (!parts) {
    if (cache.lists.size >= MAX_RENDERED_LISTS) cache.lists.clear();
    parts = renderParts(children);
    cache.lists.set(cacheKey, parts);
  }
  return <Prerendered {...parts} />;
}

type ItemProps = { paper: DigestEmailPaper; lead: PaperLead; feedback: FeedbackUrls; cache: DigestRenderCache };

/** Why the paper was picked goes above it and the reader's links below, so that the paper's own part is rendered once. */
function PaperItem({ paper, lead, feedback, cache }: ItemProps) {
  return (
    <table role="presentation" width="100%" cellPadding={0} cellSpacing={0} style={separator}>
      <tbody>
        <tr>
          <td style={{ padding: "18px 0 14px" }}>
            <PaperLeadLine lead={lead} />
            <CachedPaper paper={paper} cache={cache} />
            <FeedbackLinks urls={feedback} />
          </td>
        </tr>
      </tbody>
    </table>
  );
}

// What stands where a subscriber's own parts of a paper item go (the lead's words and the three
// feedback links), in the one rendering of the item a run keeps per paper: private-use
// characters, which no template text contains.
const SLOTS = { lead: "\u{E000}", save: "\u{E001}", more: "\u{E002}", less: "\u{E003}" } as const;
const SLOT_PATTERN = /([\u{E000}-\u{E003}])/u;
const SLOT_NAMES = new Map<string, keyof typeof SLOTS>(Object.entries(SLOTS).map(([name, slot]) => [slot, name as keyof typeof SLOTS]));

const slotted = (lead: PaperLead): PaperLead =>
  lead && (lead.kind === "matched" ? { kind: "matched", terms: SLOTS.lead } : { kind: "recommended", reason: SLOTS.lead });

/**
 * A paper item as the template renders it, from a rendering kept per paper and kind of lead with
 * slots where the subscriber's own parts go: their matched topics or reason, and their links.
 */
export function SubscriberPaper({ paper, lead, feedback, cache }: ItemProps) {
  const kind = lead?.kind ?? "none";
  let byKind = cache.items.get(paper);
  if (!byKind) cache.items.set(paper, (byKind = new Map()));
  let split = byKind.get(kind);
  if (split === undefined) {
    const parts = renderParts(<PaperItem paper={paper} lead={slotted(lead)} feedback={SLOTS} cache={cache} />);
    split = { html: parts.html.split(SLOT_PATTERN), text: parts.text.split(SLOT_PATTERN) };
    // Should the paper itself hold a slot character, it is rendered whole every time instead.
    const slots = lead ? 4 : 3;
    if (split.html.length !== 2 * slots + 1 || split.text.length !== 2 * slots + 1) split = null;
    byKind.set(kind, split);
  }
  if (!split) return <PaperItem paper={paper} lead={lead} feedback={feedback} cache={cache} />;
  const filled = { lead: lead ? (lead.kind === "matched" ? lead.terms : lead.reason) : "", ...feedback };
  // Each part is filled only by the renderer that writes it (FilledHtml and FilledText are called
  // only by the renderer that shows them): an email is rendered once as HTML and once as text, and
  // filling both every time doubled the cost of a run's commonest item.
  return (
    <>
      <HtmlOnly>
        <FilledHtml parts={split.html} filled={filled} />
      </HtmlOnly>
      <TextOnly>
        <FilledText parts={split.text} filled={filled} />
      </TextOnly>
    </>
  );
}

type FilledProps = { parts: string[]; filled: Record<keyof typeof SLOTS, string> };

function FilledHtml({ parts, filled }: FilledProps) {
  return <Prerendered html={fill(parts, filled, escapeText, escapeAttribute)} text="" />;
}

function FilledText({ parts, filled }: FilledProps) {
  return <Prerendered html="" text={fill(parts, filled, collapseWhitespace, (link) => link)} />;
}

/**
 * The item's parts with the subscriber's filled in between them as the renderer would write
 * them: the lead as text (escaped in HTML, whitespace collapsed in text), the links as attributes.
 */
function fill(parts: string[], filled: Record<keyof typeof SLOTS, string>, lead: (text: string) => string, link: (url: string) => string) {
  let written = "";
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index]!;
    if (index % 2 === 0) written += part;
    else if (part === SLOTS.lead) written += lead(filled.lead);
    else written += link(filled[SLOT_NAMES.get(part)!]);
  }
  return written;
}
