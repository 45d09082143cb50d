import type { DigestFrequency } from "@/lib/generated/prisma/enums";
import type { EmailLinks } from "@/lib/subscribers/issue-email-links";

import type { ClaimedDelivery } from "./claimed-delivery";
import type { Topic } from "./topic-matcher";

/** A paper as a digest shows it. */
export type DigestPaperSummary = {
  id: number;
  arxivId: string;
  title: string;
  /** The first authors; `authorCount` says how many there are in all. */
  authors: string[];
  authorCount: number;
  /** About two lines of the abstract: the sentence that states the contribution, where it has one. */
  summary: string;
  listedOn: string;
  /** The latest version's date and number, when a revision (v2 or later) is what is new. */
  revisedOn: string | null;
  version: number | null;
  categories: string[];
  votes: number;
};

export type DigestRecipient = {
  id: number;
  email: string;
  frequency: DigestFrequency;
  weekday: number;
  timeZone: string;
  maxPapers: number;
  sendWhenQuiet: boolean;
  /** In the subscriber's order. */
  topics: Topic[];
};

/** Everything one digest email says, before it is rendered. */
export type DigestContent = {
  recipient: DigestRecipient;
  /** Matched papers best first, each with the topics that picked it; trending ones on a quiet day. */
  papers: { paper: DigestPaperSummary; matchedTerms: string[] }[];
  /** The subscriber's model's picks among the new papers that are not in `papers`, each with why. */
  recommended: { paper: DigestPaperSummary; reason: string }[];
  /** Nothing new matched: `papers` are the top trending papers instead (the subscriber asked for that). */
  quiet: boolean;
  alsoTrending: DigestPaperSummary[];
};

/** A claimed delivery with what it will send, or why it sends nothing. */
export type BuiltDigest =
  | { delivery: ClaimedDelivery; content: DigestContent; links: EmailLinks | null }
  | { delivery: ClaimedDelivery; content: null; reason: string | null };
