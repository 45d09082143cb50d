import { DigestSection } from "./components/digest-section";
import type { DigestEmailPaper, FeedbackUrls } from "./components/digest-paper";
import { CachedList, SubscriberPaper, createDigestRenderCache, type DigestRenderCache } from "./components/digest-render-cache";
import { EmailLayout, renderEmail } from "./components/email-layout";
import { colors, styles } from "./components/email-styles";
import { shorten } from "@/lib/format";
import type { RenderedEmail } from "@/lib/mail/mail-message";

export type { DigestEmailPaper, FeedbackUrls } from "./components/digest-paper";
export { createDigestRenderCache, type DigestRenderCache } from "./components/digest-render-cache";

export type DigestEmailData = {
  email: string;
  /** "a daily digest" or "a weekly digest (Mondays)". */
  schedule: string;
  /** "Nov 25, 2026" or "week 48 of 2026". */
  periodLabel: string;
  /** Nothing new matched: the papers are what is trending instead. */
  quiet: boolean;
  /** `matched`: the subscriber's topics that picked the paper; empty on a quiet day. */
  papers: { paper: DigestEmailPaper; matched: string[]; feedback: FeedbackUrls }[];
  /** What the subscriber's model picked from their library, each with why. */
  recommended: { paper: DigestEmailPaper; reason: string; feedback: FeedbackUrls }[];
  alsoTrending: DigestEmailPaper[];
  /** The subscriber's topics, for "why you get this email". */
  topics: string[];
  manageUrl: string;
  unsubscribeUrl: string;
};

const SUBJECT_TITLE_CHARS = 80;
const REASON_TOPICS = 6;

function AlsoTrending({ papers }: { papers: DigestEmailData["alsoTrending"] }) {
  return (
    <DigestSection title="Also trending">
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
    </DigestSection>
  );
}

function heading({ quiet, papers, recommended }: DigestEmailData): string {
  if (quiet) return "Trending on PaperPulse";
  const count = papers.length + recommended.length;
  return count === 1 ? "A new paper for you" : `${count} new papers for you`;
}

function Digest({ cache, ...data }: DigestEmailData & { cache: DigestRenderCache }) {
  const { papers, recommended, alsoTrending, quiet } = data;
  return (
    <EmailLayout
      title={digestSubject({ ...data, papers: [...papers, ...recommended] })}
      preheader={digestPreheader(data)}
      footer={{ reason: digestReason(data), manageUrl: data.manageUrl, unsubscribeUrl: data.unsubscribeUrl }}
    >
      <h1 className="pp-text" style={{ ...styles.heading, margin: "0 0 6px" }}>
        {heading(data)}
      </h1>
      <p className="pp-muted" style={{ ...styles.muted, margin: "0 0 18px" }}>
        {quiet
          ? `Nothing new matched your topics (${data.periodLabel}), so here is what readers are upvoting.`
          : `Picked from the papers that arrived since your last digest · ${data.periodLabel}`}
      </p>
      {papers.map(({ paper, matched, feedback }) => (
        <SubscriberPaper
          key={paper.url}
          paper={paper}
          lead={matched.length > 0 ? { kind: "matched", terms: matched.join(", ") } : null}
          feedback={feedback}
          cache={cache}
        />
      ))}
      {recommended.length > 0 && (
        <DigestSection title="Recommended for you" note="Learned from the papers you saved and rated.">
          {recommended.map(({ paper, reason, feedback }) => (
            <SubscriberPaper key={paper.url} paper={paper} lead={{ kind: "recommended", reason }} feedback={feedback} cache={cache} />
          ))}
        </DigestSection>
      )}
      {alsoTrending.length > 0 && (
        <CachedList cache={cache} cacheKey={alsoTrending.map((paper) => `${paper.url}\n${paper.title}\n${paper.authors}`).join("\n")}>
          <AlsoTrending papers={alsoTrending} />
        </CachedList>
      )}
    </EmailLayout>
  );
}

/** Names the top paper and the count, so the inbox line alone says whether to open it. */
export function digestSubject({
  papers,
  quiet,
  schedule,
}: {
  papers: { paper: Pick<DigestEmailPaper, "title"> }[];
  quiet: boolean;
  schedule: string;
}): string {
  const top = `“${shorten(papers[0]?.paper.title ?? "", SUBJECT_TITLE_CHARS)}”`;
  const count = papers.length === 1 ? "1 new paper" : `${papers.length} new papers`;
  if (quiet) {
    const trending = papers.length === 1 ? "1 trending paper" : `${papers.length} trending papers`;
    return `Quiet ${schedule.includes("weekly") ? "week" : "day"}: ${trending}, led by ${top}`;
  }
  return papers.length === 1 ? `${count} for you: ${top}` : `${count} for you, led by ${top}`;
}

function digestPreheader({ papers, recommended, quiet }: DigestEmailData): string {
  if (quiet) return "Nothing new matched your topics, so here is what is trending on PaperPulse.";
  const terms = [...new Set(papers.flatMap(({ matched }) => matched))];
  const learned = recommended.length > 0 ? "papers recommended from your library" : "";
  if (terms.length === 0) return `New ${learned}, with summaries and links to arXiv.`;
  const shown = `${terms.slice(0, 4).join(", ")}${terms.length > 4 ? " and more" : ""}`;
  return `Matches for ${shown}${learned ? ` and ${learned}` : ""}, with summaries and links to arXiv.`;
}

function digestReason({ email, schedule, topics, recommended }: DigestEmailData): string {
  const listed = topics.slice(0, REASON_TOPICS).join(", ");
  const more = topics.length > REASON_TOPICS ? ` and ${topics.length - REASON_TOPICS} more` : "";
  const following = topics.length > 0 ? ` of new papers matching ${listed}${more}` : "";
  const learning = recommended.length > 0 ? ", with recommendations learned from the papers you saved," : "";
  return `You get this email because ${email} subscribed to ${schedule}${following}${learning} on PaperPulse.`;
}

export function renderDigestEmail(data: DigestEmailData, cache: DigestRenderCache = createDigestRenderCache()): RenderedEmail {
  return renderEmail(digestSubject({ ...data, papers: [...data.papers, ...data.recommended] }), <Digest {...data} cache={cache} />);
}
