import { renderDigestEmail, type DigestEmailData } from "@/emails/digest";
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

/** What the template shows, from a built digest: absolute links on `appUrl`, authors shortened. */
export function digestEmailData(content: DigestContent, periodKey: string, links: EmailLinks, appUrl: string): DigestEmailData {
  const paperUrl = (paper: DigestPaperSummary) => new URL(`/papers/${paper.arxivId}`, appUrl).toString();
  const authors = (paper: DigestPaperSummary) => shortenAuthors(paper.authors, paper.authorCount);
  const { recipient } = content;
  return {
    email: recipient.email,
    schedule: describeSchedule(recipient.frequency, recipient.weekday),
    periodLabel: periodLabel(periodKey),
    quiet: content.quiet,
    papers: content.papers.map(({ paper, matchedTerms }) => ({
      url: paperUrl(paper),
      title: paper.title,
      authors: authors(paper),
      summary: paper.summary,
      matched: matchedTerms,
      arxivUrl: arxivAbsUrl(paper.arxivId),
      pdfUrl: arxivPdfUrl(paper.arxivId),
    })),
    alsoTrending: content.alsoTrending.map((paper) => ({ url: paperUrl(paper), title: paper.title, authors: authors(paper) })),
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
