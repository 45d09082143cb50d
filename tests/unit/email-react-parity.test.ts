import fc from "fast-check";
import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, onTestFinished, vi } from "vitest";

import { emailPreviews } from "@/emails/previews";
import type { RenderedEmail } from "@/lib/mail/mail-message";
import { renderHtml } from "@/lib/mail/render-html";

// Our renderer is checked against react-dom/server (plain Node, where it loads). Templates, and the
// digest's per-run cache, call renderHtml and escapeText from lib/mail: while `reference.react` is
// set those calls go to React instead, so no part of the reference is our renderer's output. React
// has no way to splice a Prerendered piece in without an element, so it writes a marker element
// around the piece, removed afterwards.
const reference = vi.hoisted(() => ({ react: false }));
const MARKER = "pp-prerendered";

vi.mock("@/lib/mail/render-html", async (importOriginal) => {
  const ours = await importOriginal<typeof import("@/lib/mail/render-html")>();
  return {
    ...ours,
    renderHtml: (node: ReactNode) => (reference.react ? reactHtml(node) : ours.renderHtml(node)),
    escapeText: (text: string) => (reference.react ? reactHtml(text) : ours.escapeText(text)),
  };
});

vi.mock("@/lib/mail/email-only", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/mail/email-only")>()),
  Prerendered: ({ html }: { html: string }) => createElement(MARKER, { dangerouslySetInnerHTML: { __html: html } }),
}));

function reactHtml(node: ReactNode): string {
  return renderToStaticMarkup(node).replaceAll(`<${MARKER}>`, "").replaceAll(`</${MARKER}>`, "");
}

function withReact<T>(render: () => T): T {
  reference.react = true;
  try {
    return render();
  } finally {
    reference.react = false;
  }
}

/**
 * The spellings that differ without meaning anything different: React writes `<br/>`, keeps
 * `cellPadding` as cased in JSX (HTML attribute names are case-insensitive), escapes quotes in
 * text, and writes an apostrophe in an attribute as `&#x27;`. Everything else must match exactly.
 */
function canonical(html: string): string {
  return html.replace(/<[^>]*>|[^<]+/g, (token) =>
    token.startsWith("<")
      ? token
          .replace(/ ([A-Za-z-]+)(?==")/g, (_, name: string) => ` ${name.toLowerCase()}`)
          .replace(/\/>$/, ">")
          .replaceAll("&#x27;", "&#39;")
      : token.replaceAll("&#x27;", "'").replaceAll("&quot;", '"'),
  );
}

/** Equal once canonical; a difference is shown where it starts, since whole emails are long. */
function expectSameHtml(ours: string, react: string): void {
  const [a, b] = [canonical(ours), canonical(react)];
  if (a === b) return;
  let start = 0;
  while (a[start] === b[start]) start++;
  const around = (html: string) => html.slice(Math.max(0, start - 120), start + 120);
  expect(around(a), `ours and React's differ at character ${start}`).toBe(around(b));
}

const hostileFragments = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "' onmouseover='alert(1)",
  "&amp; &lt; &#x27; &#39; & &",
  "</style><style>*{}</style>",
  "</td></tr></table>",
  "<!-- comment --><![CDATA[x]]>",
  "javascript:alert(1)",
  " \tjava\nscript:alert(1)",
  "\u0000\u0001\u0008\u001b\u007f\u0085",
  "\u00a0\u200b\u200c\u2028\u2029\ufeff",
  "\u202eevil\u202c",
  "\u{E000}",
  "\u{1F600} Ünïcödé 漢字 עברית",
  "\ud800 lone surrogate",
  "  spaced \r\n\t out  ",
  "",
];

/** Strings that try to break out of text or attributes, odd code points, and very long ones. */
const hostileString = fc.oneof(
  fc.constantFrom(...hostileFragments),
  fc
    .array(fc.oneof(fc.constantFrom(...hostileFragments), fc.string({ unit: "binary", maxLength: 12 })), { maxLength: 6 })
    .map((parts) => parts.join("")),
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.tuple(fc.constantFrom(...hostileFragments), fc.integer({ min: 200, max: 2_000 })).map(([fragment, times]) => fragment.repeat(times)),
);

/** Props shaped like `sample`, with a hostile string in every string, any count in every number. */
function hostileLike(sample: unknown): fc.Arbitrary<unknown> {
  if (typeof sample === "string") return hostileString;
  if (typeof sample === "number") return fc.integer({ min: -1, max: 100_000 });
  if (typeof sample === "boolean") return fc.boolean();
  // A null in the preview is an optional part left out; another preview entry shows it filled.
  if (sample === null) return fc.constant(null);
  if (Array.isArray(sample)) return sample.length === 0 ? fc.constant([]) : fc.array(hostileLike(sample[0]), { maxLength: 4 });
  if (typeof sample === "object" && sample !== null) {
    return fc.record(Object.fromEntries(Object.entries(sample).map(([key, value]) => [key, hostileLike(value)])));
  }
  throw new Error(`No hostile values for ${typeof sample}`);
}

describe("every template renders as react-dom/server renders it", () => {
  for (const [name, preview] of Object.entries(emailPreviews)) {
    it(`${name}, whatever its strings hold`, () => {
      const render = preview.render as (props: unknown) => RenderedEmail;
      fc.assert(
        fc.property(hostileLike(preview.props), (props) => {
          expectSameHtml(render(props).html, withReact(() => render(props)).html);
        }),
        { numRuns: 50, examples: [[preview.props]] },
      );
    }, 60_000);
  }
});

// Not <title> or <img>: React moves a title into the head and adds preload links for images,
// neither of which an email wants.
const TAGS = ["p", "div", "span", "a", "td", "h1", "strong", "li", "br"] as const;
const ATTRIBUTES = ["href", "src", "title", "alt", "className", "lang", "data-id", "aria-label"] as const;

/** Element trees of what templates use, with hostile text and attribute values anywhere. */
const elementTree = fc.letrec<{ node: ReactNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    hostileString,
    fc.integer(),
    fc
      .tuple(
        fc.constantFrom(...TAGS),
        fc.dictionary(fc.constantFrom(...ATTRIBUTES), hostileString, { maxKeys: 3 }),
        fc.array(tie("node"), { maxLength: 3 }),
      )
      .map(([tag, attributes, children]) => (tag === "br" ? createElement(tag, attributes) : createElement(tag, attributes, ...children))),
  ),
})).node;

describe("renderHtml", () => {
  it("writes any element tree of text, attributes and nesting as react-dom/server does", () => {
    // React's development build warns about each empty src it leaves out; the comparison is the test.
    const warnings = vi.spyOn(console, "error").mockImplementation(() => undefined);
    onTestFinished(() => warnings.mockRestore());
    fc.assert(
      fc.property(elementTree, (node) => {
        expectSameHtml(renderHtml(node), reactHtml(node));
      }),
      { numRuns: 300 },
    );
  });
});
