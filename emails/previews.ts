import { renderAlreadySubscribedEmail, type AlreadySubscribedData } from "./already-subscribed";
import { renderConfirmSubscriptionEmail, type ConfirmSubscriptionData } from "./confirm-subscription";
import type { FeedbackUrls } from "./components/digest-paper";
import { renderDigestEmail, type DigestEmailData, type DigestEmailPaper } from "./digest";
import { renderSignInLinkEmail, type SignInLinkData } from "./sign-in-link";
import type { RenderedEmail } from "@/lib/mail/mail-message";

/**
 * A template with props that show everything it can show: what /dev/emails and the renderer test
 * render. `render` is a method so that any preview is an `EmailPreview<unknown>` to code that only
 * passes a preview's own props back to it.
 */
export type EmailPreview<Props> = { title: string; props: Props; render(props: Props): RenderedEmail };

const APP = "http://localhost:3000";

function preview<Props>(entry: EmailPreview<Props>): EmailPreview<Props> {
  return entry;
}

function paper(arxivId: string, title: string, authors: string, summary: string, votes: number = 0): DigestEmailPaper {
  return {
    url: `${APP}/papers/${arxivId}`,
    title,
    authors,
    summary,
    arxivId,
    arxivUrl: `https://arxiv.org/abs/${arxivId}`,
    pdfUrl: `https://arxiv.org/pdf/${arxivId}`,
    date: "Nov 25, 2026",
    newVersion: votes > 10 ? "v2" : null,
    categories: ["cs.LG", "cs.CL"],
    votes: votes === 0 ? null : `${votes} votes`,
  };
}

function feedback(arxivId: string): FeedbackUrls {
  const link = (action: string) => `${APP}/digest/feedback?token=preview-${action}-${arxivId}`;
  return { save: link("save"), more: link("more"), less: link("less") };
}

const papers = [
  paper(
    "2511.00001",
    "Sparse Attention Learned from Data Alone",
    "Ada Lovelace, Alan Turing, Grace Hopper et al.",
    "We introduce a method that learns sparse attention patterns from data alone, matching dense attention at a quarter of the cost.",
    14,
  ),
  paper(
    "2511.00002",
    "Diffusion Models for Protein Design",
    "Rosalind Franklin, Barbara McClintock",
    "A diffusion model over backbone geometry that designs stable proteins, validated in the lab on 120 designs.",
  ),
];

const trending = [
  paper("2511.00003", "Scaling Laws for Retrieval", "Claude Shannon", "How retrieval quality grows with corpus size."),
  paper("2511.00004", "A Benchmark for Long-Context Reasoning", "Emmy Noether, Kurt Gödel", "Ten thousand questions over books."),
];

const digestLinks = {
  manageUrl: `${APP}/subscriptions/manage?token=preview`,
  unsubscribeUrl: `${APP}/unsubscribe?token=preview`,
};

const digest = {
  email: "ada@example.org",
  schedule: "a weekly digest (Mondays)",
  periodLabel: "week 48 of 2026",
  quiet: false,
  papers: [
    { paper: papers[0]!, matched: ["attention", "Alan Turing"], feedback: feedback("2511.00001") },
    { paper: papers[1]!, matched: ["diffusion"], feedback: feedback("2511.00002") },
  ],
  recommended: [
    {
      paper: paper(
        "2511.00005",
        "Lean Proofs Found by Search",
        "Kurt Gödel",
        "We present a prover that searches over Lean tactics, closing 41% of the benchmark.",
        3,
      ),
      reason: "Because you saved \u201cLeanAgent\u201d and \u201cDeepSeek-Prover\u201d",
      feedback: feedback("2511.00005"),
    },
  ],
  alsoTrending: trending,
  topics: ["attention", "diffusion", "Alan Turing"],
  ...digestLinks,
} satisfies DigestEmailData;

/** Every template, by the name /dev/emails/<name> shows it under. */
export const emailPreviews = {
  "confirm-subscription": preview<ConfirmSubscriptionData>({
    title: "Confirm a subscription",
    render: renderConfirmSubscriptionEmail,
    props: {
      email: "ada@example.org",
      confirmUrl: `${APP}/subscribe/confirm?token=preview`,
      schedule: "a daily digest",
      expiresInHours: 48,
    },
  }),
  "already-subscribed": preview<AlreadySubscribedData>({
    title: "Already subscribed",
    render: renderAlreadySubscribedEmail,
    props: { email: "ada@example.org", manageLinkDays: 90, ...digestLinks },
  }),
  "sign-in-link": preview<SignInLinkData>({
    title: "Sign-in link",
    render: renderSignInLinkEmail,
    props: { email: "ada@example.org", signInUrl: `${APP}/sign-in/confirm?token=preview`, expiresInMinutes: 15 },
  }),
  digest: preview<DigestEmailData>({ title: "Digest", render: (props) => renderDigestEmail(props), props: digest }),
  "digest-quiet": preview<DigestEmailData>({
    title: "Digest on a quiet day",
    render: (props) => renderDigestEmail(props),
    props: {
      ...digest,
      quiet: true,
      papers: trending.map((paper) => ({ paper, matched: [], feedback: feedback(paper.arxivId) })),
      recommended: [],
      alsoTrending: [],
    },
  }),
};

export type EmailPreviewName = keyof typeof emailPreviews;
