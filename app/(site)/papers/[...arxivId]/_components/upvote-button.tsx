"use client";

import { useActionState } from "react";

import { useViewerMark } from "@/components/viewer-state";
import { plural } from "@/lib/format";

import { upvoteAction, type UpvoteFormState } from "../actions";

/**
 * `personal`: the page was rendered for this visitor and shows their vote. Otherwise it may be the
 * copy everybody gets (lib/page-cache), and a visitor who has voted or signed in fetches their own
 * vote and the current count.
 */
export function UpvoteButton({
  arxivId,
  upvoted,
  upvotes,
  personal,
}: {
  arxivId: string;
  upvoted: boolean;
  upvotes: number;
  personal: boolean;
}) {
  const own = useViewerMark(arxivId, !personal);
  return own ? (
    <UpvoteForm key="own" arxivId={arxivId} upvoted={own.upvoted} upvotes={own.upvotes} />
  ) : (
    <UpvoteForm key="page" arxivId={arxivId} upvoted={upvoted} upvotes={upvotes} />
  );
}

function UpvoteForm({ arxivId, upvoted, upvotes }: { arxivId: string; upvoted: boolean; upvotes: number }) {
  const [state, formAction, pending] = useActionState<UpvoteFormState, FormData>(upvoteAction, {
    upvoted,
    upvotes,
    error: null,
  });
  return (
    // data-upvotes: the count a cached copy shows, which the cache checks against the votes (lib/page-cache/listed-votes.ts).
    <form data-mark="upvote" data-upvotes={state.upvotes} action={formAction} className="flex flex-col items-start gap-1">
      <input type="hidden" name="arxivId" value={arxivId} />
      {/* The wanted state, not a toggle: a double click or a replayed request cannot count twice. */}
      <input type="hidden" name="upvoted" value={String(!state.upvoted)} />
      <button
        type="submit"
        disabled={pending}
        aria-pressed={state.upvoted}
        aria-label={
          state.upvoted ? `Remove your upvote (${plural(state.upvotes, "upvote")})` : `Upvote (${plural(state.upvotes, "upvote")})`
        }
        // One class for both states, pressed styled by aria-pressed: a copy rendered for nobody becomes
        // a voter's by changing the values that differ (lib/page-cache/personal-copy.ts).
        className="inline-flex items-center gap-2 rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium hover:border-accent-600 hover:text-accent-700 disabled:opacity-70 aria-pressed:border-accent-600 aria-pressed:bg-accent-600 aria-pressed:text-white aria-pressed:hover:bg-accent-700 aria-pressed:hover:text-white dark:border-stone-700 dark:bg-stone-900 dark:hover:text-accent-300"
      >
        <span aria-hidden="true">▲</span>
        <span className="tabular-nums">{state.upvotes}</span>
        <span>{state.upvoted ? "Upvoted" : "Upvote"}</span>
      </button>
      {state.error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {state.error}
        </p>
      )}
    </form>
  );
}
