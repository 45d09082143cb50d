import { renderDigestEmail, type DigestEmailData, type DigestEmailPaper } from "@/emails/digest";
import { formatDay, shortenAuthors } from "@/lib/format";
import type { MailMessage } from "@/lib/mail/mail-message";
import { arxivAbsUrl, arxivPdfUrl } from "@/lib/papers/arxiv-id";
import { describeSchedule } from "@/lib/subscribers/describe-schedule";
import type { EmailLinks } from "@/lib/subscribers/issue-email-links";

import type { DigestContent, DigestPaperSummary } from "./digest-content";
import { digestEntityRefId } from "./digest-message-id";

/** "Nov 25, 2026" for a daily period key, "week 48 of 2026" for a weekly one. */
export function periodLabel(periodKey: string): string {
  const week = /^(\d{4})-W(\d{2})$/.exec(periodKey);
  return week ? `week ${Number(week[2])} of ${week[1]}` : formatDay(periodKey);
}

// One template paper per summary and app URL: summaries are shared by a whole run's digests (see
// paper-summaries.ts), and the template renders each paper object once.
const emailPapers = new WeakMap<DigestPaperSummary, { appUrl: string; paper: DigestEmailPaper }>();

function emailPaper(summary: DigestPaperSummary, appUrl: string): DigestEmailPaper {
  const known = emailPapers.get(summary);
  if (known?.appUrl === appUrl) return known.paper;
  const paper = {
    url: new URL(`/papers/${summary.arxivId}`, appUrl).toString(),
    title: summary.title,
    authors: shortenAuthors(summary.authors, summary.authorCount),
    summary: summary.summary,
    arxivUrl: arxivAbsUrl(summary.arxivId),
    pdfUrl: arxivPdfUrl(summary.arxivId),
  };
  emailPapers.set(summary, { appUrl, paper });
  return paper;
}

/** What the template shows, from a built digest: absolute links on `appUrl`, authors shortened. */
export function digestEmailData(content: DigestContent, periodKey: string, links: EmailLinks, appUrl: string): DigestEmailData {
  const { recipient } = content;
  return {
    email: recipient.email,
    schedule: describeSchedule(recipient.frequency, recipient.weekday),
    periodLabel: periodLabel(periodKey),
    quiet: content.quiet,
    papers: content.papers.map(({ paper, matchedTerms }) => ({ paper: emailPaper(paper, appUrl), matched: matchedTerms })),
    alsoTrending: content.alsoTrending.map((paper) => emailPaper(paper, appUrl)),
    topics: recipient.topics.map((topic) => topic.value),
    manageUrl: links.manageUrl,
    unsubscribeUrl: links.unsubscribeUrl,
  };
}

/**
 * The digest as mail: both parts, the RFC 8058 one-click unsubscribe pair, the Message-ID that is
 * the same on every attempt for this subscriber and period, and a per-digest X-Entity-Ref-ID.
 */
export function composeDigestMessage(
  digest: { periodKey: string; messageId: string; content: DigestContent; links: EmailLinks },
  appUrl: string,
): MailMessage {
  const { content, links, periodKey, messageId } = digest;
  return {
    to: content.recipient.email,
    ...renderDigestEmail(digestEmailData(content, periodKey, links, appUrl)),
    listUnsubscribeUrl: links.oneClickUnsubscribeUrl,
    messageId,
    entityRefId: digestEntityRefId(content.recipient.id, periodKey),
  };
}
