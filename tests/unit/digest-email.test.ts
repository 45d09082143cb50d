import { describe, expect, it } from "vitest";

import { digestSubject } from "@/emails/digest";
import { composeDigestMessage, periodLabel } from "@/lib/digest/compose-digest-message";
import type { DigestContent, DigestPaperSummary } from "@/lib/digest/digest-content";
import { digestEntityRefId, digestMessageId } from "@/lib/digest/digest-message-id";
import { summarizeAbstract } from "@/lib/digest/summarize-abstract";
import { verifyFeedbackToken } from "@/lib/feedback/feedback-token";

/** The template's papers, with only what the subject reads. */
const shown = (...titles: string[]) => titles.map((title) => ({ paper: { title }, matched: [] })) as never;

const paper = (id: number, title: string): DigestPaperSummary => ({
  id,
  arxivId: `2511.0000${id}`,
  title,
  authors: ["Ada Lovelace", "Alan Turing", "Grace Hopper", "Edsger Dijkstra"],
  authorCount: 9,
  summary: "We show that a small change matters.",
  listedOn: "2025-11-20",
  revisedOn: null,
  version: 1,
  categories: ["cs.LG", "stat.ML"],
  votes: 0,
});
const signing = { appUrl: "https://paperpulse.example", secret: "unit-test-secret-0123456789abcdef" };

const content: DigestContent = {
  recipient: {
    id: 42,
    email: "reader@example.org",
    frequency: "weekly",
    weekday: 3,
    timeZone: "Europe/Berlin",
    maxPapers: 10,
    sendWhenQuiet: false,
    topics: [
      { kind: "keyword", value: "diffusion" },
      { kind: "author", value: "Yann LeCun" },
    ],
  },
  papers: [
    { paper: paper(1, "Diffusion <b>Models</b> Beat GANs"), matchedTerms: ["diffusion", "Yann LeCun"] },
    { paper: paper(2, "Score Matching at Scale"), matchedTerms: ["diffusion"] },
  ],
  recommended: [{ paper: paper(6, "Lean Provers Learn"), reason: "Because you saved “LeanAgent”" }],
  quiet: false,
  alsoTrending: [paper(3, "A Trending Paper")],
};
const links = {
  manageUrl: "https://paperpulse.example/subscriptions/manage?token=m",
  unsubscribeUrl: "https://paperpulse.example/unsubscribe?token=u",
  oneClickUnsubscribeUrl: "https://paperpulse.example/api/subscriptions/unsubscribe?token=u",
};
const message = composeDigestMessage(
  { periodKey: "2026-W48", messageId: digestMessageId(42, "2026-W48", "https://paperpulse.example"), content, links },
  signing,
);

describe("the digest message", () => {
  it("names the top paper and the count in the subject", () => {
    expect(message.subject).toBe("3 new papers for you, led by “Diffusion <b>Models</b> Beat GANs”");
    expect(digestSubject({ papers: shown("Only One"), quiet: false, schedule: "a daily digest" })).toBe("1 new paper for you: “Only One”");
    expect(digestSubject({ papers: shown("Hot", "Hotter"), quiet: true, schedule: "a weekly digest (Mondays)" })).toBe(
      "Quiet week: 2 trending papers, led by “Hot”",
    );
    const long = digestSubject({ papers: shown("word ".repeat(40)), quiet: false, schedule: "a daily digest" });
    expect(long.length).toBeLessThan(110);
    expect(long).toContain("…”");
  });

  it("carries the one-click unsubscribe URL, a Message-ID stable per subscriber and period, and a per-digest entity id", () => {
    expect(message).toMatchObject({
      to: "reader@example.org",
      listUnsubscribeUrl: links.oneClickUnsubscribeUrl,
      messageId: "<digest.42.2026-W48@paperpulse.example>",
      entityRefId: digestEntityRefId(42, "2026-W48"),
    });
    expect(digestMessageId(42, "2026-W48", "https://paperpulse.example")).toBe(message.messageId);
    expect(digestEntityRefId(42, "2026-W49")).not.toBe(message.entityRefId);
  });

  it("escapes paper text in the HTML, needs no images, and is ready for dark mode", () => {
    expect(message.html).toContain("Diffusion &lt;b&gt;Models&lt;/b&gt; Beat GANs");
    expect(message.html).not.toMatch(/<img|<script/i);
    expect(message.html).toContain("prefers-color-scheme: dark");
    expect(message.html).toContain('href="https://paperpulse.example/papers/2511.00001"');
  });

  it("has a plain-text part with every link written out, why each paper was picked, and why this email came", () => {
    const { text } = message;
    expect(text).toContain("Diffusion <b>Models</b> Beat GANs <https://paperpulse.example/papers/2511.00001>");
    expect(text).toContain("Ada Lovelace, Alan Turing, Grace Hopper et al.");
    expect(text).toContain("Matches: diffusion, Yann LeCun");
    expect(text).toContain("arXiv <https://arxiv.org/abs/2511.00001>");
    expect(text).toContain("PDF <https://arxiv.org/pdf/2511.00001>");
    expect(text).toContain("Also trending");
    expect(text).toContain("- A Trending Paper <https://paperpulse.example/papers/2511.00003>");
    expect(text).toContain(
      "because reader@example.org subscribed to a weekly digest (Wednesdays) of new papers matching diffusion, Yann LeCun",
    );
    expect(text).toContain(`Unsubscribe <${links.unsubscribeUrl}>`);
    expect(text).toContain("week 48 of 2026");
  });

  it("shows each subscriber why they got a paper that many digests of the run share", () => {
    const shared = paper(4, "A Paper in Every Digest");
    const odd = paper(5, "Private \u{E000} use");
    const digestFor = (matchedTerms: string[]) =>
      composeDigestMessage(
        {
          periodKey: "2026-W48",
          messageId: "<m@paperpulse.example>",
          content: {
            ...content,
            papers: [
              { paper: shared, matchedTerms },
              { paper: odd, matchedTerms },
            ],
          },
          links,
        },
        signing,
      );
    const first = digestFor(["graph <nets>", "Ada  Lovelace"]);
    const second = digestFor(["cs.LG"]);
    expect(first.html).toContain("graph &lt;nets&gt;, Ada  Lovelace</strong>");
    expect(first.text).toContain("Matches: graph <nets>, Ada Lovelace\n\nA Paper in Every Digest <");
    expect(second.html).toContain(">cs.LG</strong>");
    expect(second.html).not.toContain("nets");
    expect(second.text).toContain("Matches: cs.LG\n\nA Paper in Every Digest <");
    expect(second.text).toContain("Matches: cs.LG\n\nPrivate \u{E000} use <");
  });
});

describe("a paper in the digest", () => {
  it("shows its date, arXiv id, categories and votes, and says when a new version is what arrived", () => {
    const revised = { ...paper(7, "Revised Work"), version: 3, revisedOn: "2025-11-24", votes: 12 };
    const first = { ...paper(8, "Fresh Work"), votes: 1 };
    const { text } = composeDigestMessage(
      {
        periodKey: "2025-11-25",
        messageId: "<m@paperpulse.example>",
        content: { ...content, papers: [revised, first].map((each) => ({ paper: each, matchedTerms: ["diffusion"] })), recommended: [] },
        links,
      },
      signing,
    );
    expect(text).toContain("Nov 24, 2025, new version (v3) | arXiv:2511.00007 | cs.LG, stat.ML | 12 votes");
    expect(text).toContain("Nov 20, 2025 | arXiv:2511.00008 | cs.LG, stat.ML | 1 vote\n");
  });

  it("has Save, More like this and Not for me links signed for this subscriber and paper", () => {
    const urls = [
      ...message.text.matchAll(/(Save|More like this|Not for me) <(https:\/\/paperpulse\.example\/digest\/feedback\?token=[^>]+)>/g),
    ];
    // Two matched papers and one recommended; "also trending" is a list of titles only.
    expect(urls).toHaveLength(9);
    const grants = urls.map(([, label, url]) => {
      const check = verifyFeedbackToken(signing.secret, new URL(url!).searchParams.get("token")!);
      if (!check.ok) throw new Error(`${label}: ${check.reason}`);
      return `${label} ${check.grant.subscriberId} ${check.grant.paperId} ${check.grant.action}`;
    });
    expect(grants.slice(0, 3)).toEqual(["Save 42 1 save", "More like this 42 1 more", "Not for me 42 1 less"]);
    expect(grants.slice(6)).toEqual(["Save 42 6 save", "More like this 42 6 more", "Not for me 42 6 less"]);
    for (const [, , url] of urls) expect(message.html).toContain(`href="${url}"`);
  });

  it("puts the model's picks under Recommended for you, each with its reason", () => {
    const { text } = message;
    expect(text.indexOf("Recommended for you")).toBeGreaterThan(text.indexOf("Score Matching at Scale"));
    expect(text).toContain("Because you saved “LeanAgent”\n\nLean Provers Learn <");
    expect(text).toContain("with recommendations learned from the papers you saved");
  });
});

describe("digest text helpers", () => {
  it("labels daily and weekly periods", () => {
    expect(periodLabel("2026-11-25")).toBe("Nov 25, 2026");
    expect(periodLabel("2026-W05")).toBe("week 5 of 2026");
  });

  it("summarises an abstract in about two lines", () => {
    expect(summarizeAbstract("Short and sweet.")).toBe("Short and sweet.");
    const sentence = "We introduce a method that learns sparse attention patterns from data alone.";
    expect(summarizeAbstract(`${sentence} ${"Further detail follows here. ".repeat(20)}`)).toBe(sentence);
    const long = summarizeAbstract("word ".repeat(100));
    expect(long.length).toBeLessThanOrEqual(221);
    expect(long.endsWith("word…")).toBe(true);
  });
});
