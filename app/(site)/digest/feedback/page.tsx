import type { Metadata } from "next";

import { Link } from "@/components/link";
import { Notice } from "@/components/notice";
import { SubmitButton } from "@/components/submit-button";
import { getFeedbackState } from "@/lib/feedback/digest-feedback";
import type { FeedbackAction } from "@/lib/feedback/feedback-token";
import { searchParamsToObject } from "@/lib/http/search-params";

import { feedbackAction } from "./actions";

export const metadata: Metadata = { title: "Digest feedback", robots: { index: false } };

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const WORDING: Record<FeedbackAction, { question: string; button: string; pending: string; done: string; undone: string }> = {
  save: {
    question: "Save this paper to your PaperPulse library?",
    button: "Save to my library",
    pending: "Saving…",
    done: "Saved to your library. Your digests will recommend papers like it.",
    undone: "Removed from your library.",
  },
  more: {
    question: "Tell PaperPulse you want more papers like this one?",
    button: "More like this",
    pending: "Saving…",
    done: "Noted: your digests will recommend more papers like this one.",
    undone: "Your “More like this” was taken back.",
  },
  less: {
    question: "Tell PaperPulse this paper is not for you?",
    button: "Not for me",
    pending: "Saving…",
    done: "Noted: your digests will recommend fewer papers like this one.",
    undone: "Your “Not for me” was taken back.",
  },
};

const linkClass = "font-medium text-accent-700 underline dark:text-accent-300";

/**
 * Where a digest's Save, More like this and Not for me links lead. Opening it only shows one
 * button: mail scanners that fetch every link in an email must not rate anything for the reader.
 * The link's signed token names the subscriber, so no sign-in is needed.
 */
export default async function FeedbackPage({ searchParams }: PageProps) {
  const { token, notice } = searchParamsToObject(await searchParams);
  const state = await getFeedbackState(token);

  if (!state.ok) {
    return (
      <div className="mx-auto max-w-xl space-y-4">
        <h1 className="text-2xl font-semibold tracking-tight">
          {state.reason === "expired" ? "This link has expired" : "This link is not valid"}
        </h1>
        <Notice tone="warning" title="Nothing was changed">
          <p>
            {state.reason === "expired"
              ? "Feedback links work for 60 days after the digest was sent. Use the links in a recent digest, or sign in to save and rate papers."
              : "Please use the link exactly as it appears in your PaperPulse digest, or sign in to save and rate papers."}
          </p>
          <p>
            <Link href="/sign-in" className={linkClass}>
              Sign in
            </Link>
          </p>
        </Notice>
      </div>
    );
  }

  const wording = WORDING[state.action];
  const paperLink = (
    <Link href={`/papers/${state.paper.arxivId}`} className={`${linkClass} break-words`}>
      {state.paper.title}
    </Link>
  );
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">{wording.button}</h1>
      {state.applied ? (
        <Notice tone="success" role="status" title={notice === "done" ? "Done" : "Already done"}>
          <p>
            {paperLink}: {wording.done}
          </p>
          <form action={feedbackAction}>
            <input type="hidden" name="token" value={token} />
            <SubmitButton variant="secondary" name="intent" value="undo" pendingLabel="Undoing…">
              Undo
            </SubmitButton>
          </form>
        </Notice>
      ) : (
        <>
          {notice === "undone" && (
            <Notice role="status" title="Undone">
              <p>{wording.undone}</p>
            </Notice>
          )}
          <p>{wording.question}</p>
          <p className="text-lg">{paperLink}</p>
          <form action={feedbackAction}>
            <input type="hidden" name="token" value={token} />
            <SubmitButton name="intent" value="apply" pendingLabel={wording.pending}>
              {wording.button}
            </SubmitButton>
          </form>
        </>
      )}
      <p className="text-sm text-stone-600 dark:text-stone-400">
        For <strong className="break-words">{state.email}</strong>. Sign in with this address to see your{" "}
        <Link href="/library" className={linkClass}>
          library
        </Link>
        .
      </p>
    </div>
  );
}
