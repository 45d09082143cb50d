"use client";

import { useCallback, useSyncExternalStore } from "react";

import { PERSONAL_COOKIE } from "@/lib/page-cache/personal-cookies";
import { MAX_VIEWER_PAPERS } from "@/lib/readers/max-viewer-papers";
import type { ViewerPaper, ViewerState } from "@/lib/readers/viewer-state";

/** A paper as this visitor sees it, with whether they are signed in. */
export type ViewerMark = ViewerPaper & { signedIn: boolean };

/**
 * The visitor's own state on a page everyone is served the same copy of (lib/page-cache): the
 * components that show it ask for their papers, and one request after they mount fetches them all
 * (GET /api/viewer). Only a browser the proxy marked as having something personal asks at all.
 * An entry is dropped when nothing shows it any more, so a page shown again asks afresh.
 */
const store = {
  signedIn: null as boolean | null,
  marks: new Map<string, ViewerMark>(),
  wanted: new Map<string, number>(),
  listeners: new Set<() => void>(),
  scheduled: false,
};

const hasPersonalState = () => document.cookie.split("; ").includes(`${PERSONAL_COOKIE}=1`);

function notify() {
  for (const listener of store.listeners) listener();
}

function schedule() {
  if (store.scheduled || !hasPersonalState()) return;
  store.scheduled = true;
  // Every component of a page subscribes in the same commit: one request asks for all of them.
  setTimeout(() => {
    store.scheduled = false;
    void fetchState();
  }, 0);
}

async function fetchState() {
  const missing = [...store.wanted.keys()].filter((arxivId) => !store.marks.has(arxivId));
  if (store.signedIn !== null && missing.length === 0) return;
  const batches = missing.length ? chunks(missing, MAX_VIEWER_PAPERS) : [[]];
  for (const batch of batches) {
    const query = batch.length ? `?papers=${batch.map(encodeURIComponent).join(",")}` : "";
    const response = await fetch(`/api/viewer${query}`, { cache: "no-store" });
    // Without an answer the page keeps what everyone sees; its forms still work.
    if (!response.ok) return;
    const state = (await response.json()) as ViewerState;
    store.signedIn = state.signedIn;
    for (const arxivId of batch) {
      const paper = state.papers[arxivId];
      if (paper && store.wanted.has(arxivId)) store.marks.set(arxivId, { ...paper, signedIn: state.signedIn });
    }
    notify();
  }
}

function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, (index + 1) * size));
}

function subscribe(listener: () => void, arxivId: string | null): () => void {
  store.listeners.add(listener);
  if (arxivId) store.wanted.set(arxivId, (store.wanted.get(arxivId) ?? 0) + 1);
  schedule();
  return () => {
    store.listeners.delete(listener);
    if (!arxivId) return;
    const left = (store.wanted.get(arxivId) ?? 1) - 1;
    if (left > 0) store.wanted.set(arxivId, left);
    else {
      store.wanted.delete(arxivId);
      store.marks.delete(arxivId);
    }
  };
}

const nothing = () => () => {};

/**
 * This visitor's mark on a paper, once fetched; null before, for a visitor with nothing personal,
 * and when `wanted` is false (the page was rendered for this visitor and already shows it).
 */
export function useViewerMark(arxivId: string, wanted: boolean): ViewerMark | null {
  const subscribeToPaper = useCallback((listener: () => void) => subscribe(listener, arxivId), [arxivId]);
  return useSyncExternalStore(
    wanted ? subscribeToPaper : nothing,
    () => (wanted ? (store.marks.get(arxivId) ?? null) : null),
    () => null,
  );
}

/** Whether this visitor is signed in, once fetched; null as for useViewerMark. */
export function useViewerSignedIn(wanted: boolean): boolean | null {
  const subscribeToReader = useCallback((listener: () => void) => subscribe(listener, null), []);
  return useSyncExternalStore(
    wanted ? subscribeToReader : nothing,
    () => (wanted ? store.signedIn : null),
    () => null,
  );
}
