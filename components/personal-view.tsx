"use client";

import { useSyncExternalStore } from "react";

import { PERSONAL_VIEW_ELEMENT, SCRIPTS_OFF, type PersonalView } from "@/lib/readers/personal-view";

import { Notice } from "./notice";

type Shown = (PersonalView<unknown, unknown> & { notice?: string }) | "missing";
let lastShown: { element: Element | null; search: string; shown: Shown } | null = null;

/** The shell's data and the page's `notice`, read once per page (a snapshot must stay the same object while they do). */
function readShown(): Shown {
  const element = document.getElementById(PERSONAL_VIEW_ELEMENT);
  const { search } = window.location;
  if (lastShown?.element !== element || lastShown.search !== search) {
    const notice = new URLSearchParams(search).get("notice") ?? undefined;
    const text = element?.textContent;
    lastShown = { element, search, shown: text ? { ...(JSON.parse(text) as PersonalView<unknown, unknown>), notice } : "missing" };
  }
  return lastShown.shown;
}

const unchanging = () => () => {};

/**
 * A personal page's list in its shell (lib/readers/personal-shells.ts), drawn from the data the
 * shell carries once the page has started. Until then, as the shell was rendered without any data,
 * `heading` over placeholder cards; and if the shell came without it, a way to load it again.
 */
export function PersonalViewLoader<Query, View>({
  heading,
  path,
  loading,
  failed,
  ready,
  unreadable,
}: {
  heading: React.ReactNode;
  /** The page's path, for the way to it without scripts. */
  path: string;
  /** What the placeholder cards are announced as. */
  loading: string;
  /** What a shell without its data says. */
  failed: string;
  ready: (view: View, query: Query, notice: string | undefined) => React.ReactNode;
  unreadable: (issues: { message: string }[]) => React.ReactNode;
}) {
  const shown = useSyncExternalStore(unchanging, readShown, () => null) as
    (PersonalView<Query, View> & { notice?: string }) | "missing" | null;
  if (shown === null || shown === "missing") {
    return (
      <>
        {heading}
        {shown === "missing" ? <LoadFailed title={failed} /> : <LoadingCards label={loading} path={path} />}
      </>
    );
  }
  return shown.status === "ready" ? ready(shown.view, shown.query, shown.notice) : unreadable(shown.issues);
}

/**
 * Where a personal page's list goes until its script draws it: placeholder cards, announced as busy;
 * for a browser that stopped running scripts since it said it does, the way to the page without
 * them in their place.
 */
function LoadingCards({ label, path }: { label: string; path: string }) {
  return (
    <>
      <noscript>
        <Notice title="This page needs JavaScript, which is off in this browser">
          <p>
            <a
              href={`${path}?${SCRIPTS_OFF.name}=${SCRIPTS_OFF.value}`}
              className="font-medium text-accent-700 underline dark:text-accent-300"
            >
              Show it without JavaScript
            </a>
          </p>
        </Notice>
      </noscript>
      <div role="status" aria-busy="true" aria-label={label} className="space-y-3 noscript:hidden">
        {[0, 1, 2].map((card) => (
          <div
            key={card}
            className="h-32 animate-pulse rounded-lg border border-stone-200 bg-stone-100 dark:border-stone-800 dark:bg-stone-900"
          />
        ))}
      </div>
    </>
  );
}

/** A shell that came without its data: nothing the reader did, so loading it again is the way out. */
function LoadFailed({ title }: { title: string }) {
  return (
    <Notice tone="error" role="alert" title={title}>
      <p>The page came without your papers. Your papers are safe.</p>
      <p>
        <button type="button" onClick={() => window.location.reload()} className="button-small">
          Load the page again
        </button>
      </p>
    </Notice>
  );
}
