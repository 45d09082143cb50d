"use client";

import { useActionState, useState, useSyncExternalStore } from "react";

import { rateAction, saveAction, type RatingState, type SaveState } from "@/app/(site)/library/paper-actions";
import { Link } from "@/components/link";
import type { PaperMark } from "@/lib/library/paper-marks";

import { readBrowserSaves, subscribeToBrowserSaves, writeBrowserSaves } from "./browser-saves";
import { useViewerMark } from "./viewer-state";

const noSubscription = () => () => {};

/**
 * Save, "More like this" and "Not for me" for one paper: plain forms that work without
 * JavaScript, shown in their new state at once while the server catches up. Before signing in,
 * a save is kept in this browser and merged into the library at sign-in. A page rendered without
 * a reader may be the copy everybody gets (lib/page-cache): a signed-in reader's browser then
 * fetches their marks and shows them.
 */
export function PaperControls({ arxivId, title, mark }: { arxivId: string; title: string; mark: PaperMark }) {
  const own = useViewerMark(arxivId, !mark.signedIn);
  const shown = own ?? mark;
  // The forms start from their marks: the fetched ones start them afresh.
  return (
    <div key={own ? "own" : "page"} className="flex flex-wrap items-center gap-2">
      <SaveForm arxivId={arxivId} title={title} signedIn={shown.signedIn} saved={shown.saved} />
      <RatingForm arxivId={arxivId} title={title} rating={shown.rating} />
    </div>
  );
}

/**
 * Signed in, a save goes to the library. Before, with JavaScript it stays in localStorage; without,
 * the post asks to sign in. One component for both, its action state first: the two render the same
 * form with the same React keys, so a copy rendered for nobody becomes a reader's by changing the
 * values that differ (lib/page-cache/personal-copy.ts).
 */
function SaveForm({ arxivId, title, signedIn, saved }: { arxivId: string; title: string; signedIn: boolean; saved: boolean }) {
  const [state, formAction, pending] = useActionState<SaveState, FormData>(saveAction, { saved, error: null });
  const browserSaves = useSyncExternalStore(
    signedIn ? noSubscription : subscribeToBrowserSaves,
    () => (signedIn ? "" : readBrowserSaves().join(" ")),
    () => "",
  );
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const keptHere = !signedIn && browserSaves.split(" ").includes(arxivId);
  const shown = signedIn ? (pending ? !state.saved : state.saved) : keptHere;
  return (
    <form
      data-mark="save"
      action={formAction}
      onSubmit={
        signedIn
          ? undefined
          : (event) => {
              event.preventDefault();
              const current = readBrowserSaves();
              writeBrowserSaves(keptHere ? current.filter((id) => id !== arxivId) : [...current, arxivId]);
            }
      }
      className="flex flex-wrap items-center gap-2"
    >
      <input type="hidden" name="arxivId" value={arxivId} />
      {/* The wanted state, not a toggle: a double click or a replayed request lands in the same place. */}
      <input type="hidden" name="saved" value={String(!state.saved)} />
      <SaveButton saved={shown} title={title} disabled={pending} />
      {hydrated && keptHere && (
        <span className="text-xs text-stone-600 dark:text-stone-400">
          Kept in this browser.{" "}
          <Link href="/sign-in" className="underline">
            Sign in
          </Link>{" "}
          to keep it in your library.
        </span>
      )}
      {state.error && (
        <p role="alert" className="mt-1 basis-full text-sm text-red-700 dark:text-red-400">
          {state.error}
        </p>
      )}
    </form>
  );
}

function SaveButton({ saved, title, disabled }: { saved: boolean; title: string; disabled?: boolean }) {
  return (
    <button
      type="submit"
      disabled={disabled}
      aria-pressed={saved}
      aria-label={`${saved ? "Saved" : "Save"}: ${title}`}
      className="button-small"
    >
      <span aria-hidden="true">{saved ? "★" : "☆"}</span>
      {saved ? "Saved" : "Save"}
    </button>
  );
}

function RatingForm({ arxivId, title, rating }: { arxivId: string; title: string; rating: RatingState["rating"] }) {
  const [state, formAction, pending] = useActionState<RatingState, FormData>(rateAction, { rating, error: null });
  const [requested, setRequested] = useState<RatingState["rating"]>(null);
  const shown = pending ? requested : state.rating;
  const choice = (value: "more" | "less", label: string, icon: string) => {
    const next = shown === value ? "none" : value;
    return (
      <button
        type="submit"
        name="rating"
        value={next}
        disabled={pending}
        aria-pressed={shown === value}
        aria-label={`${label}: ${title}`}
        onClick={() => setRequested(next === "none" ? null : value)}
        className="button-small"
      >
        <span aria-hidden="true">{icon}</span>
        {label}
      </button>
    );
  };
  return (
    <form data-mark="rating" action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="arxivId" value={arxivId} />
      {choice("more", "More like this", "+")}
      {choice("less", "Not for me", "−")}
      {state.error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {state.error}
        </p>
      )}
    </form>
  );
}
