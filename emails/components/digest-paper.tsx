import { HtmlOnly, TextOnly } from "@/lib/mail/email-only";

import { colors, styles } from "./email-styles";

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
  /** About two lines of the abstract: the sentence that states the contribution. */
  summary: string;
  arxivId: string;
  arxivUrl: string;
  pdfUrl: string;
  /** "Nov 25, 2026": the listing day, or the new version's date. */
  date: string;
  /** "v3" when a new version is what arrived; null for a first version. */
  newVersion: string | null;
  categories: string[];
  /** "12 votes", or null for none yet. */
  votes: string | null;
};

/** The subscriber's own links to the one-button pages that save or rate the paper. */
export type FeedbackUrls = { save: string; more: string; less: string };

const small = { margin: "0 0 6px", fontSize: 13, lineHeight: 1.5, color: colors.muted } as const;
// Translucent, so the rule between papers is as quiet on a dark card as on a light one (clients
// without rgba, like Outlook on Windows, drop it, which costs nothing).
export const separator = { borderTop: "1px solid rgba(120, 113, 108, 0.3)" } as const;

function Dot() {
  return (
    <>
      <HtmlOnly>{" · "}</HtmlOnly>
      <TextOnly>{" | "}</TextOnly>
    </>
  );
}

/** Date, version, id, categories and votes: what a researcher triages by before the title. */
function PaperFacts({ paper }: { paper: DigestEmailPaper }) {
  const facts = [
    paper.newVersion ? `${paper.date}, new version (${paper.newVersion})` : paper.date,
    `arXiv:${paper.arxivId}`,
    paper.categories.join(", "),
    paper.votes,
  ].filter((fact): fact is string => Boolean(fact));
  return (
    <p className="pp-muted" style={small}>
      {facts.map((fact, index) => (
        <span key={index}>
          {index > 0 && <Dot />}
          {fact}
        </span>
      ))}
    </p>
  );
}

/** Title, facts, authors, summary and links: the same in every digest that shows the paper. */
export function PaperBody({ paper }: { paper: DigestEmailPaper }) {
  return (
    <>
      <h3 className="pp-text" style={{ margin: "0 0 4px", fontSize: 17, lineHeight: 1.35, fontWeight: 700, color: colors.text }}>
        <a className="pp-text" href={paper.url} style={{ color: colors.text, textDecoration: "none" }}>
          {paper.title}
        </a>
      </h3>
      <PaperFacts paper={paper} />
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
        <Dot />
        <a className="pp-link" href={paper.pdfUrl} style={styles.link}>
          PDF
        </a>
      </p>
    </>
  );
}

/**
 * Save, More like this, Not for me: each opens a page with one button, so a mail scanner that
 * follows every link rates nothing.
 */
export function FeedbackLinks({ urls }: { urls: FeedbackUrls }) {
  return (
    <p className="pp-muted" style={{ ...small, margin: "10px 0 0" }}>
      <a className="pp-link" href={urls.save} style={styles.link}>
        Save
      </a>
      <Dot />
      <a className="pp-link" href={urls.more} style={styles.link}>
        More like this
      </a>
      <Dot />
      <a className="pp-link" href={urls.less} style={styles.link}>
        Not for me
      </a>
    </p>
  );
}

/** What goes above a paper: the topics that matched it, or why the reader's model picked it. */
export type PaperLead = { kind: "matched"; terms: string } | { kind: "recommended"; reason: string } | null;

export function PaperLeadLine({ lead }: { lead: PaperLead }) {
  if (!lead) return null;
  return (
    <p className="pp-muted" style={{ ...small, margin: "0 0 4px" }}>
      {lead.kind === "matched" ? (
        <>
          Matches:{" "}
          <strong className="pp-text" style={{ color: colors.text }}>
            {lead.terms}
          </strong>
        </>
      ) : (
        lead.reason
      )}
    </p>
  );
}
