import type { ReactElement } from "react";

import { EmailLayout, renderEmail } from "./components/email-layout";
import { colors, styles } from "./components/email-styles";
import { HtmlOnly, Prerendered, TextOnly } from "@/lib/mail/email-only";
import type { RenderedEmail } from "@/lib/mail/mail-message";
import { escapeText, renderHtml } from "@/lib/mail/render-html";
import { collapseWhitespace, renderText } from "@/lib/mail/render-text";

/**
 * A paper as every digest shows it. Treated as immutable: the template renders each such object
 * once and reuses that, so a sender passes the same object for the same paper to every digest.
 */
export type DigestEmailPaper = {
  /** Our paper page. */
  url: string;
  title: string;
  /** "Ada Lovelace, Alan Turing, Grace Hopper et al." */
  authors: string;
  /** About two lines of the abstract. */
  summary: string;
  arxivUrl: string;
  pdfUrl: string;
};

export type DigestEmailData = {
  email: string;
  /** "a daily digest" or "a weekly digest (Mondays)". */
  schedule: string;
  /** "Nov 25, 2026" or "week 48 of 2026". */
  periodLabel: string;
  /** Nothing new matched: the papers are what is trending instead. */
  quiet: boolean;
  /** `matched`: the subscriber's topics that picked the paper; empty on a quiet day. */
  papers: { paper: DigestEmailPaper; matched: string[] }[];
  alsoTrending: DigestEmailPaper[];
  /** The subscriber's topics, for "why you get this email". */
  topics: string[];
  manageUrl: string;
  unsubscribeUrl: string;
};

const SUBJECT_TITLE_CHARS = 80;
const REASON_TOPICS = 6;

const small = { margin: "0 0 6px", fontSize: 13, lineHeight: 1.5, color: colors.muted } as const;
// Translucent, so the rule between papers is as quiet on a dark card as on a light one (clients
// without rgba, like Outlook on Windows, drop it, which costs nothing).
const separator = { borderTop: "1px solid rgba(120, 113, 108, 0.3)" } as const;

/** Title, authors, summary and links: the same in every digest that shows the paper. */
function PaperBody({ paper }: { paper: DigestEmailPaper }) {
  return (
    <>
      <h3 className="pp-text" style={{ margin: "0 0 4px", fontSize: 17, lineHeight: 1.35, fontWeight: 700, color: colors.text }}>
        <a className="pp-text" href={paper.url} style={{ color: colors.text, textDecoration: "none" }}>
          {paper.title}
        </a>
      </h3>
      <p className="pp-muted" style={small}>
        {paper.authors}
      </p>
      <p className="pp-text" style={{ margin: "0 0 8px", fontSize: 15, lineHeight: 1.5, color: colors.text }}>
        {paper.summary}
      </p>
      <p className="pp-muted" style={{ ...small, margin: 0 }}>
        <a className="pp-link" href={paper.arxivUrl} style={styles.link}>
          arXiv
        </a>
        <HtmlOnly>{" · "}</HtmlOnly>
        <TextOnly>{"  "}</TextOnly>
        <a className="pp-link" href={paper.pdfUrl} style={styles.link}>
          PDF
        </a>
      </p>
    </>
  );
}

/**
 * Renderings one sender keeps across the digests it renders: a run shows the same new papers, and
 * mostly the same "also trending" list, in thousands of digests, and each is rendered once. Papers
 * are known by their object; lists by a key, of which a bounded number are kept. The digest run
 * owns one for its lifetime (see createDigestRenderCache); a lone email gets a fresh one.
 */
export type DigestRenderCache = {
  papers: WeakMap<DigestEmailPaper, { html: string; text: string }>;
  /** Each paper item with a slot for the matched topics; null when the paper holds the slot character. */
  items: WeakMap<DigestEmailPaper, { html: string[]; text: string[] } | null>;
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
function CachedList({ cacheKey, cache, children }: { cacheKey: string; cache: DigestRenderCache; children: ReactElement }) {
  let parts = cache.lists.get(cacheKey);
  if (!parts) {
    if (cache.lists.size >= MAX_RENDERED_LISTS) cache.lists.clear();
    parts = renderParts(children);
    cache.lists.set(cacheKey, parts);
  }
  return <Prerendered {...parts} />;
}

/** Why the paper was picked goes above it, so that all below is the paper's own and rendered once. */
function PaperItem({ paper, matched, cache }: { paper: DigestEmailPaper; matched: string[]; cache: DigestRenderCache }) {
  return (
    <table role="presentation" width="100%" cellPadding={0} cellSpacing={0} style={separator}>
      <tbody>
        <tr>
          <td style={{ padding: "18px 0 14px" }}>
            {matched.length > 0 && (
              <p className="pp-muted" style={{ ...small, margin: "0 0 4px" }}>
                Matches:{" "}
                <strong className="pp-text" style={{ color: colors.text }}>
                  {matched.join(", ")}
                </strong>
              </p>
            )}
            <CachedPaper paper={paper} cache={cache} />
          </td>
        </tr>
      </tbody>
    </table>
  );
}

// What stands where a paper item's matched topics go, in the one rendering of the item a run keeps
// per paper: a private-use character, which no template text contains.
const MATCHED_SLOT = "\u{E000}";

/**
 * A paper item as the template renders it, from a rendering kept per paper with a slot where the
 * matched topics go: a subscriber's own topics are all that differs between digests showing it.
 */
function MatchedPaper({ paper, matched, cache }: { paper: DigestEmailPaper; matched: string[]; cache: DigestRenderCache }) {
  let split = cache.items.get(paper);
  if (split === undefined) {
    const parts = renderParts(<PaperItem paper={paper} matched={[MATCHED_SLOT]} cache={cache} />);
    split = { html: parts.html.split(MATCHED_SLOT), text: parts.text.split(MATCHED_SLOT) };
    // Should the paper itself hold the slot character, it is rendered whole every time instead.
    if (split.html.length !== 2 || split.text.length !== 2) split = null;
    cache.items.set(paper, split);
  }
  if (!split || matched.length === 0) return <PaperItem paper={paper} matched={matched} cache={cache} />;
  const terms = matched.join(", ");
  // As the renderers would write the terms: escaped in HTML, whitespace collapsed in text.
  return (
    <Prerendered
      html={split.html[0] + escapeText(terms) + split.html[1]}
      text={split.text[0] + collapseWhitespace(terms) + split.text[1]}
    />
  );
}

function AlsoTrending({ papers }: { papers: DigestEmailData["alsoTrending"] }) {
  return (
    <table role="presentation" width="100%" cellPadding={0} cellSpacing={0} style={separator}>
      <tbody>
        <tr>
          <td style={{ padding: "18px 0 0" }}>
            <h2 className="pp-text" style={{ margin: "0 0 8px", fontSize: 15, lineHeight: 1.4, fontWeight: 700, color: colors.text }}>
              Also trending
            </h2>
            <ul style={{ margin: 0, padding: "0 0 0 18px" }}>
              {papers.map((paper) => (
                <li key={paper.url} className="pp-muted" style={{ margin: "0 0 8px", fontSize: 14, lineHeight: 1.45, color: colors.muted }}>
                  <a className="pp-link" href={paper.url} style={styles.link}>
                    {paper.title}
                  </a>
                  <br />
                  {paper.authors}
                </li>
              ))}
            </ul>
          </td>
        </tr>
      </tbody>
    </table>
  );
}

function Digest({ cache, ...data }: DigestEmailData & { cache: DigestRenderCache }) {
  const { papers, alsoTrending, quiet } = data;
  return (
    <EmailLayout
      title={digestSubject(data)}
      preheader={digestPreheader(data)}
      footer={{ reason: digestReason(data), manageUrl: data.manageUrl, unsubscribeUrl: data.unsubscribeUrl }}
    >
      <h1 className="pp-text" style={{ ...styles.heading, margin: "0 0 6px" }}>
        {quiet ? "Trending on PaperPulse" : papers.length === 1 ? "A new paper for you" : `${papers.length} new papers for you`}
      </h1>
      <p className="pp-muted" style={{ ...styles.muted, margin: "0 0 18px" }}>
        {quiet
          ? `Nothing new matched your topics (${data.periodLabel}), so here is what readers are upvoting.`
          : `Picked from the papers that arrived since your last digest · ${data.periodLabel}`}
      </p>
      {papers.map(({ paper, matched }) => (
        <MatchedPaper key={paper.url} paper={paper} matched={matched} cache={cache} />
      ))}
      {alsoTrending.length > 0 && (
        <CachedList cache={cache} cacheKey={alsoTrending.map((paper) => `${paper.url}\n${paper.title}\n${paper.authors}`).join("\n")}>
          <AlsoTrending papers={alsoTrending} />
        </CachedList>
      )}
    </EmailLayout>
  );
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).replace(/\s+\S*$/, "")}…`;
}

/** Names the top paper and the count, so the inbox line alone says whether to open it. */
export function digestSubject({ papers, quiet, schedule }: Pick<DigestEmailData, "papers" | "quiet" | "schedule">): string {
  const top = `“${shorten(papers[0]?.paper.title ?? "", SUBJECT_TITLE_CHARS)}”`;
  const count = papers.length === 1 ? "1 new paper" : `${papers.length} new papers`;
  if (quiet) {
    const trending = papers.length === 1 ? "1 trending paper" : `${papers.length} trending papers`;
    return `Quiet ${schedule.includes("weekly") ? "week" : "day"}: ${trending}, led by ${top}`;
  }
  return papers.length === 1 ? `${count} for you: ${top}` : `${count} for you, led by ${top}`;
}

function digestPreheader({ papers, quiet }: DigestEmailData): string {
  if (quiet) return "Nothing new matched your topics, so here is what is trending on PaperPulse.";
  const terms = [...new Set(papers.flatMap(({ matched }) => matched))];
  const shown = terms.slice(0, 4).join(", ");
  return `Matches for ${shown}${terms.length > 4 ? " and more" : ""}, with summaries and links to arXiv.`;
}

function digestReason({ email, schedule, topics }: DigestEmailData): string {
  const listed = topics.slice(0, REASON_TOPICS).join(", ");
  const more = topics.length > REASON_TOPICS ? ` and ${topics.length - REASON_TOPICS} more` : "";
  const following = topics.length > 0 ? ` of new papers matching ${listed}${more}` : "";
  return `You get this email because ${email} subscribed to ${schedule}${following} on PaperPulse.`;
}

export function renderDigestEmail(data: DigestEmailData, cache: DigestRenderCache = createDigestRenderCache()): RenderedEmail {
  return renderEmail(digestSubject(data), <Digest {...data} cache={cache} />);
}
