import { Fragment, createElement } from "react";
import { describe, expect, it } from "vitest";

import { renderAlreadySubscribedEmail } from "@/emails/already-subscribed";
import { renderConfirmSubscriptionEmail } from "@/emails/confirm-subscription";
import { HtmlOnly, TextOnly } from "@/lib/mail/email-only";
import { renderHtml } from "@/lib/mail/render-html";
import { renderText } from "@/lib/mail/render-text";

const h = createElement;

describe("renderHtml", () => {
  it("escapes text and attribute values, so user text cannot become markup", () => {
    const hostile = `"><script>alert(1)</script>&`;
    expect(renderHtml(h("p", { title: hostile }, hostile))).toBe(
      '<p title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;">"&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;</p>',
    );
  });

  it("writes styles, class names, void elements, fragments, lists and function components like React", () => {
    const Item = ({ label }: { label: string }) => h("li", null, label);
    const html = renderHtml(
      h(
        Fragment,
        null,
        h(
          "table",
          {
            cellPadding: 0,
            className: "card",
            style: { backgroundColor: "#fff", padding: 12, lineHeight: 1.5, WebkitTextSizeAdjust: "none" },
          },
          h("tbody"),
        ),
        h("br"),
        h(
          "ul",
          null,
          ["a", "b"].map((label) => h(Item, { key: label, label })),
        ),
        false,
        null,
        h("input", { disabled: true }),
      ),
    );
    expect(html).toBe(
      '<table cellpadding="0" class="card" style="background-color:#fff;padding:12px;line-height:1.5;-webkit-text-size-adjust:none"><tbody></tbody></table><br><ul><li>a</li><li>b</li></ul><input disabled>',
    );
  });

  it("writes a javascript: URL as a link that does nothing, and leaves out an empty src, as React does", () => {
    expect(renderHtml(h("a", { href: " \tJava\nScript:alert(1)" }, "x"))).toBe(
      `<a href="javascript:throw new Error(&#39;React has blocked a javascript: URL as a security precaution.&#39;)">x</a>`,
    );
    expect(renderHtml(h("a", { href: "" }, "x"))).toBe('<a href="">x</a>');
    expect(renderHtml(h("img", { src: "", alt: "" }))).toBe('<img alt="">');
  });

  it("keeps CSS in <style> as written but refuses content that would close it", () => {
    expect(renderHtml(h("style", null, "a > b { color: red }"))).toBe("<style>a > b { color: red }</style>");
    expect(() => renderHtml(h("style", null, "</style><script>"))).toThrow();
  });
});

describe("renderText", () => {
  it("turns blocks into lines and paragraphs and writes links as label <url>", () => {
    const text = renderText(
      h(
        "div",
        null,
        h(HtmlOnly, null, h("span", null, "hidden preheader")),
        h("h1", null, "Title"),
        h("p", null, "First   line", h("br"), "second line"),
        h("p", null, "Read ", h("a", { href: "https://example.org/a" }, "the paper"), " now."),
        h("ul", null, h("li", null, "one"), h("li", null, "two")),
        h(TextOnly, null, "Only in text"),
      ),
    );
    expect(text).toBe(
      "Title\n=====\n\nFirst line\nsecond line\n\nRead the paper <https://example.org/a> now.\n\n- one\n- two\n\nOnly in text\n",
    );
  });
});

describe("templates", () => {
  it("give the confirmation email the same link in HTML and text, and no preheader in the text", () => {
    const confirmUrl = "http://localhost:3000/subscribe/confirm?token=abc.def";
    const email = renderConfirmSubscriptionEmail({ email: "ada@example.org", confirmUrl, schedule: "a daily digest", expiresInHours: 48 });
    expect(email.html.startsWith('<!doctype html><html lang="en">')).toBe(true);
    expect(email.html).toContain(`href="${confirmUrl}"`);
    expect(email.html).toContain('<meta name="color-scheme" content="light dark">');
    expect(email.html).not.toMatch(/<img|src=/);
    expect(email.text).toContain(`Confirm subscription <${confirmUrl}>`);
    expect(email.text).not.toContain("One click to start");
  });

  it("put manage and unsubscribe links in the footer of mail to subscribers", () => {
    const email = renderAlreadySubscribedEmail({
      email: "ada@example.org",
      manageUrl: "http://localhost:3000/subscriptions/manage?token=m.m",
      unsubscribeUrl: "http://localhost:3000/unsubscribe?token=u.u",
      manageLinkDays: 90,
    });
    expect(email.text).toContain("Manage preferences <http://localhost:3000/subscriptions/manage?token=m.m>");
    expect(email.text).toContain("Unsubscribe <http://localhost:3000/unsubscribe?token=u.u>");
    expect(email.html).toContain('href="http://localhost:3000/unsubscribe?token=u.u"');
  });
});
