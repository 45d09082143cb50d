"use client";

import Link from "next/link";
import { useActionState, useState, useSyncExternalStore } from "react";

import { rateAction, saveAction, type RatingState, type SaveState } from "@/app/(site)/library/paper-actions";
import type { PaperMark } from "@/lib/library/paper-marks";

import { readBrowserSaves, subscribeToBrowserSaves, writeBrowserSaves } from "./browser-saves";
import { useViewerMark } from "./viewer-state";

const noSubscription = () => () => {};

/**
 * Save, "More like this" and "Not for me" for one paper: plain forms that work without
 * JavaScript, shown in their new state at once while the server catches up. Before signing in,
 * a save is kept in this browser and merged into the library at sign-in. `refreshes`: the page's
 * list depends on these marks (For you), so the server sends it again after each change. A page
 * rendered without a reader may be the copy everybody gets (lib/page-cache): a signed-in reader's
 * browser then fetches their marks and shows them.
 */
export function PaperControls({
  arxivId,
  title,
  mark,
  refreshes = false,
}: {
  arxivId: string;
  title: string;
  mark: PaperMark;
  refreshes?: boolean;
}) {
  const own = useViewerMark(arxivId, !mark.signedIn);
  const shown = own ?? mark;
  // The forms start from their marks: the fetched ones start them afresh.
  return (
    <div key={own ? "own" : "page"} className="flex flex-wrap items-center gap-2">
      {shown.signedIn ? (
        <SaveForm arxivId={arxivId} title={title} saved={shown.saved} refreshes={refreshes} />
      ) : (
        <BrowserSaveForm arxivId={arxivId} title={title} />
      )}
      <RatingForm arxivId={arxivId} title={title} rating={shown.rating} refreshes={refreshes} />
    </div>
  );
}

function SaveForm({ arxivId, title, saved, refreshes }: { arxivId: string; title: string; saved: boolean; refreshes: boolean }) {
  const [state, formAction, pending] = useActionState<SaveState, FormData>(saveAction, { saved, error: null });
  const shown = pending ? !state.saved : state.saved;
  return (
    <form action={formAction}>
      <input type="hidden" name="arxivId" value={arxivId} />
      {refreshes && <input type="hidden" name="refresh" value="list" />}
      {/* The wanted state, not a toggle: a double click or a replayed request lands in the same place. */}
      <input type="hidden" name="saved" value={String(!state.saved)} />
      <SaveButton saved={shown} title={title} disabled={pending} />
      {state.error && (
        <p role="alert" className="mt-1 text-sm text-red-700 dark:text-red-400">
          {state.error}
        </p>
      )}
    </form>
  );
}

/** Without a session: with JavaScript the save stays in localStorage; without, the post asks to sign in. */
function BrowserSaveForm({ arxivId, title }: { arxivId: string; title: string }) {
  const saves = useSyncExternalStore(
    subscribeToBrowserSaves,
    () => readBrowserSaves().join(" "),
    () => "",
  );
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const saved = saves.split(" ").includes(arxivId);
  const [, formAction] = useActionState<SaveState, FormData>(saveAction, { saved: false, error: null });
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        event.preventDefault();
        const current = readBrowserSaves();
        writeBrowserSaves(saved ? current.filter((id) => id !== arxivId) : [...current, arxivId]);
      }}
      className="flex flex-wrap items-center gap-2"
    >
      <input type="hidden" name="arxivId" value={arxivId} />
      <input type="hidden" name="saved" value="true" />
      <SaveButton saved={saved} title={title} />
      {hydrated && saved && (
        <span className="text-xs text-stone-600 dark:text-stone-400">
          Kept in this browser.{" "}
          <Link href="/sign-in" className="underline">
            Sign in
          </Link>{" "}
          to keep it in your library.
        </span>
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

function RatingForm({
  arxivId,
  title,
  rating,
  refreshes,
}: {
  arxivId: string;
  title: string;
  rating: RatingState["rating"];
  refreshes: boolean;
}) {
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
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="arxivId" value={arxivId} />
      {refreshes && <input type="hidden" name="refresh" value="list" />}
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
