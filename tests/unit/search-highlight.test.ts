import { describe, expect, it } from "vitest";

import { MARK_START, MARK_STOP, escapeHtml, highlightToHtml } from "@/lib/search/highlight";
import { plainHighlight } from "@/lib/text/plain-highlight";

const marked = (text: string) => `${MARK_START}${text}${MARK_STOP}`;

describe("highlight HTML", () => {
  it("wraps marked words in <mark>", () => {
    expect(highlightToHtml(`In-context ${marked("learning")} with ${marked("Transformers")}`)).toBe(
      "In-context <mark>learning</mark> with <mark>Transformers</mark>",
    );
  });

  it("escapes every character that could start markup, inside marks too", () => {
    expect(highlightToHtml(`<img src=x onerror="alert(1)"> & ${marked("<b>'bold'</b>")}`)).toBe(
      "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; <mark>&lt;b&gt;&#39;bold&#39;&lt;/b&gt;</mark>",
    );
  });

  it("never emits an unbalanced or nested <mark>", () => {
    expect(highlightToHtml(`${MARK_START}a${MARK_START}b${MARK_STOP}c${MARK_STOP}d${MARK_START}e`)).toBe("<mark>ab</mark>cd<mark>e</mark>");
  });

  it("leaves text without marks as escaped text", () => {
    expect(highlightToHtml("a < b")).toBe("a &lt; b");
    expect(escapeHtml(`&<>"'`)).toBe("&amp;&lt;&gt;&quot;&#39;");
  });

  it("reads TeX in a highlight as plain text, keeping its marks and its escaping", () => {
    const html = highlightToHtml(`T\\"ULU-$\\alpha$: ${marked("Zorblax")} $\\mathcal{O}(${marked("n")}^2)$ <b> 5\\% & "x"`);
    expect(plainHighlight(html)).toBe("TÜLU-α: <mark>Zorblax</mark> O(<mark>n</mark>²) &lt;b&gt; 5% &amp; &quot;x&quot;");
    expect(plainHighlight("plain <mark>words</mark> stay")).toBe("plain <mark>words</mark> stay");
  });
});
