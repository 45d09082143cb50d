import { describe, expect, it } from "vitest";

import { plainText } from "@/lib/text/plain-text";
import { githubRepoIn, richTextHtml } from "@/lib/text/rich-text";

describe("rich text", () => {
  it("typesets inline and display math with KaTeX, keeping the TeX for assistive tech", () => {
    const html = richTextHtml("Loss $L(s) = L_0 + A \\cdot S_1^{-\\alpha}$ and $$\\sum_i x_i$$ end");
    expect(html.match(/class="katex"/g)).toHaveLength(2);
    expect(html).toContain('class="katex-display"');
    expect(html).toContain('<annotation encoding="application/x-tex">L(s) = L_0 + A \\cdot S_1^{-\\alpha}</annotation>');
    expect(html.startsWith("Loss <span")).toBe(true);
    expect(html.endsWith("</span> end")).toBe(true);
  });

  it("cleans TeX accents and commands outside math, and leaves prices and plain text alone", () => {
    expect(richTextHtml('T\\"ULU 3 at 1\\% of the cost')).toBe("TÜLU 3 at 1% of the cost");
    expect(richTextHtml("costs $15 and $20 each")).toBe("costs $15 and $20 each");
    expect(richTextHtml("unclosed $x stays")).toBe("unclosed $x stays");
  });

  it("escapes markup, in text and in math", () => {
    expect(richTextHtml('a <script>alert(1)</script> & "b"')).toBe("a &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;b&quot;");
    const math = richTextHtml("$\\text{<img src=x onerror=alert(1)>}$ and $\\href{javascript:alert(1)}{x}$");
    expect(math).not.toMatch(/<img|href="javascript/);
  });

  it("links URLs only when asked, with nofollow noopener, without trailing punctuation", () => {
    const text = "Code: https://github.com/allenai/open-instruct. Data (https://hf.co/x).";
    expect(richTextHtml(text, { links: true })).toBe(
      'Code: <a href="https://github.com/allenai/open-instruct" rel="nofollow noopener">https://github.com/allenai/open-instruct</a>. Data (<a href="https://hf.co/x" rel="nofollow noopener">https://hf.co/x</a>).',
    );
    expect(richTextHtml(text)).not.toContain("<a ");
    expect(githubRepoIn(text)).toBe("https://github.com/allenai/open-instruct");
    expect(githubRepoIn("no code here")).toBeNull();
  });

  it("gives feeds and the API readable plain text, paragraphs kept", () => {
    expect(plainText('In $\\mathcal{O}(n^2)$ time.\n\nSchr\\"odinger -- done')).toBe("In O(n²) time.\n\nSchrödinger – done");
  });
});
