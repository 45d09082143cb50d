import { createDigestRenderCache, renderDigestEmail, type DigestEmailData, type DigestEmailPaper } from "@/emails/digest";
import { feedbackUrls } from "@/lib/feedback/feedback-links";
import { formatDay, plural, shortenAuthors } from "@/lib/format";
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

/** A revision (v2 or later) arrives as its revision's date; anything else as its listing day. */
function dated(summary: DigestPaperSummary): { date: string; newVersion: string | null } {
  const revised = summary.version !== null && summary.version > 1 && summary.revisedOn !== null;
  return revised
    ? { date: formatDay(summary.revisedOn!), newVersion: `v${summary.version}` }
    : { date: formatDay(summary.listedOn), newVersion: null };
}

/**
 * Turns papers into the template's, once per summary: summaries are shared by a whole run's digests
 * (see paper-summaries.ts), and the template renders each paper object once.
 */
function emailPapers(appUrl: string): (summary: DigestPaperSummary) => DigestEmailPaper {
  const known = new WeakMap<DigestPaperSummary, DigestEmailPaper>();
  return (summary) => {
    let paper = known.get(summary);
    if (!paper) {
      paper = {
        url: new URL(`/papers/${summary.arxivId}`, appUrl).toString(),
        title: summary.title,
        authors: shortenAuthors(summary.authors, summary.authorCount),
        summary: summary.summary,
        arxivId: summary.arxivId,
        arxivUrl: arxivAbsUrl(summary.arxivId),
        pdfUrl: arxivPdfUrl(summary.arxivId),
        ...dated(summary),
        categories: summary.categories,
        votes: summary.votes > 0 ? plural(summary.votes, "vote") : null,
      };
      known.set(summary, paper);
    }
    return paper;
  };
}

/** What the template shows, from a built digest: absolute links on `appUrl`, authors shortened. */
function digestEmailData(
  content: DigestContent,
  periodKey: string,
  links: EmailLinks,
  emailPaper: (summary: DigestPaperSummary) => DigestEmailPaper,
  signing: Signing,
): DigestEmailData {
  const { recipient } = content;
  const sign = { ...signing, now: new Date() };
  const feedback = (paper: DigestPaperSummary) => feedbackUrls(sign, recipient.id, paper.id);
  return {
    email: recipient.email,
    schedule: describeSchedule(recipient.frequency, recipient.weekday),
    periodLabel: periodLabel(periodKey),
    quiet: content.quiet,
    papers: content.papers.map(({ paper, matchedTerms }) => ({
      paper: emailPaper(paper),
      matched: matchedTerms,
      feedback: feedback(paper),
    })),
    recommended: content.recommended.map(({ paper, reason }) => ({ paper: emailPaper(paper), reason, feedback: feedback(paper) })),
    alsoTrending: content.alsoTrending.map(emailPaper),
    topics: recipient.topics.map((topic) => topic.value),
    manageUrl: links.manageUrl,
    unsubscribeUrl: links.unsubscribeUrl,
  };
}

type ComposableDigest = { periodKey: string; messageId: string; content: DigestContent; links: EmailLinks };
/** Where links point and what signs their feedback tokens (the app secret). */
type Signing = { appUrl: string; secret: string };

/**
 * Composes digests as mail: both parts, the RFC 8058 one-click unsubscribe pair, the Message-ID that
 * is the same on every attempt for this subscriber and period, and a per-digest X-Entity-Ref-ID.
 * The composer keeps what its digests share rendered once (template papers, paper items, "also
 * trending" lists), so a digest run makes one and lets it go with the run.
 */
export function createDigestComposer(signing: Signing): (digest: ComposableDigest) => MailMessage {
  const emailPaper = emailPapers(signing.appUrl);
  const cache = createDigestRenderCache();
  return ({ content, links, periodKey, messageId }) => ({
    to: content.recipient.email,
    ...renderDigestEmail(digestEmailData(content, periodKey, links, emailPaper, signing), cache),
    listUnsubscribeUrl: links.oneClickUnsubscribeUrl,
    messageId,
    entityRefId: digestEntityRefId(content.recipient.id, periodKey),
  });
}

/** One digest as mail, rendered from scratch. */
export function composeDigestMessage(digest: ComposableDigest, signing: Signing): MailMessage {
  return createDigestComposer(signing)(digest);
}
