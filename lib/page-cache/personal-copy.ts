import { MAIN_NAV_CLASS, mainNavLinks } from "@/components/main-nav-links";
import type { ViewerState } from "@/lib/readers/viewer-state";

/**
 * A browser without scripts cannot fetch its own state onto a shared copy, so a reader's used to get
 * a page rendered for them. Instead the copy is made theirs: the header's links and a few values of
 * the forms that carry marks (`data-mark`) are changed, and its scripts left out, as they would
 * hydrate against nobody's payload. docs/deployment.md ("Without scripts") has the details.
 */

/** Tells the server this browser runs scripts, as components/scripts-cookie.tsx does on a rendered page. */
export const SCRIPTS_COOKIE_FILE = "/scripts-cookie.js";

type Slot = { kind: "nav" } | { kind: "save" | "rating" | "upvote"; arxivId: string; html: string };

/** A copy cut where the visitor's state goes, its scripts left out; made once per copy. */
export type PersonalTemplate = (string | Slot)[];

const SCRIPT = /<script\b[^>]*>[\s\S]*?<\/script\s*>/gi;
const SCRIPT_PRELOAD = /<link\b[^>]*\b(?:as="script"|rel="modulepreload")[^>]*>/gi;
const SLOT = /<nav aria-label="Main" [^>]*>[\s\S]*?<\/nav>|<form data-mark="(save|rating|upvote)"[\s\S]*?<\/form>/g;
const ARXIV_ID = /<input type="hidden" name="arxivId" value="([^"]+)"\/>/;

export function personalTemplate(html: string): PersonalTemplate {
  const page = html
    .replace(SCRIPT, "")
    .replace(SCRIPT_PRELOAD, "")
    .replace("</body>", `<script src="${SCRIPTS_COOKIE_FILE}" async=""></script></body>`);
  const parts: PersonalTemplate = [];
  let last = 0;
  for (const match of page.matchAll(SLOT)) {
    parts.push(page.slice(last, match.index));
    const kind = match[1] as "save" | "rating" | "upvote" | undefined;
    if (kind) {
      const arxivId = ARXIV_ID.exec(match[0])?.[1];
      if (!arxivId) throw new Error(`A ${kind} form names no paper.`);
      parts.push({ kind, arxivId, html: match[0] });
    } else {
      parts.push({ kind: "nav" });
    }
    last = match.index + match[0].length;
  }
  parts.push(page.slice(last));
  return parts;
}

/** The copy as `visitor` gets it; throws when the copy is not as expected (then render the page for them). */
export function personalCopy(template: PersonalTemplate, visitor: ViewerState): string {
  return template
    .map((part) => {
      if (typeof part === "string") return part;
      if (part.kind === "nav") return navHtml(visitor.signedIn);
      const paper = visitor.papers[part.arxivId];
      if (part.kind === "upvote") return paper?.upvoted ? upvoted(part.html) : part.html;
      if (!visitor.signedIn || !paper) return part.html;
      if (part.kind === "save") return paper.saved ? saved(part.html) : part.html;
      return paper.rating ? rated(part.html, paper.rating) : part.html;
    })
    .join("");
}

function navHtml(signedIn: boolean): string {
  const links = mainNavLinks(signedIn).map((link) => `<a class="${link.className}" href="${link.href}">${link.label}</a>`);
  return `<nav aria-label="Main" class="${MAIN_NAV_CLASS}">${links.join("")}</nav>`;
}

/** Each change must apply exactly once, or the form is not what this expects. */
function change(html: string, changes: [string, string][]): string {
  return changes.reduce((form, [from, to]) => {
    const at = form.indexOf(from);
    if (at < 0 || form.indexOf(from, at + 1) >= 0) throw new Error(`A marked form does not hold ${from} once.`);
    return form.slice(0, at) + to + form.slice(at + from.length);
  }, html);
}

const saved = (html: string) =>
  change(html, [
    ["&quot;saved&quot;:false", "&quot;saved&quot;:true"],
    ['name="saved" value="true"', 'name="saved" value="false"'],
    ['aria-pressed="false" aria-label="Save: ', 'aria-pressed="true" aria-label="Saved: '],
    ['<span aria-hidden="true">☆</span>Save</button>', '<span aria-hidden="true">★</span>Saved</button>'],
  ]);

const rated = (html: string, rating: "more" | "less") =>
  change(html, [
    ["&quot;rating&quot;:null", `&quot;rating&quot;:&quot;${rating}&quot;`],
    [`value="${rating}" aria-pressed="false"`, 'value="none" aria-pressed="true"'],
  ]);

const upvoted = (html: string) =>
  change(html, [
    ["&quot;upvoted&quot;:false", "&quot;upvoted&quot;:true"],
    ['name="upvoted" value="true"', 'name="upvoted" value="false"'],
    ['aria-pressed="false" aria-label="Upvote (', 'aria-pressed="true" aria-label="Remove your upvote ('],
    ["<span>Upvote</span>", "<span>Upvoted</span>"],
  ]);
